-- Each polled feed's last poll, so that `once` can tell which feeds are due (their cron fired since
-- last_poll_at) and a health check can say when a feed last worked. The counts are the last poll's
-- document outcomes.
CREATE TABLE feed_poll (
    feed_id          VARCHAR(100)  NOT NULL PRIMARY KEY,
    last_poll_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error_at    TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(2000),
    fetched          INT NOT NULL,
    unchanged        INT NOT NULL,
    same_hash        INT NOT NULL,
    refused          INT NOT NULL,
    failed           INT NOT NULL
);
