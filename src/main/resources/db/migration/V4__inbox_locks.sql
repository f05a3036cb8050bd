-- The inbox read lock shared by every instance (Camel's JDBC idempotent repository): a file is taken
-- by the instance that inserts its row first; a row whose instance stopped renewing it (killed) is an
-- orphan after podium.inbox.lock-max-age and the file is taken again. Created here rather than by
-- Camel so that paths up to 1000 characters fit and the primary key is there on every database.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName  VARCHAR(255)  NOT NULL,
    messageId      VARCHAR(1000) NOT NULL,
    createdAt      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_camel_messageprocessed PRIMARY KEY (processorName, messageId)
);
