-- Each inbox lock names the instance that took it, and only that instance releases or renews it: Camel's
-- file consumer also asks to remove the lock of a file it could not take (because another instance holds
-- it), and a release that comes late must not remove a lock another instance has taken since. A row
-- written before this column has no owner; it expires after podium.inbox.lock-max-age like any orphan.
ALTER TABLE CAMEL_MESSAGEPROCESSED ADD COLUMN owner VARCHAR(64)
