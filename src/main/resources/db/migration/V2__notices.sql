-- The notice ledger: a notice is published when an invitation's (state, recipient) differs from its
-- last published notice. seq is the notice number within the invitation; the unique key makes two
-- instances racing for the same next notice publish it once.
CREATE TABLE notice (
    invitation_id  VARCHAR(100)  NOT NULL,
    seq            INT           NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    recipient_key  VARCHAR(300)  NOT NULL,
    supersedes     INT,
    basis_hash     CHAR(64)      NOT NULL,
    path           VARCHAR(1000) NOT NULL,
    content        TEXT          NOT NULL,   -- the JSON document, exactly as written
    markdown       TEXT          NOT NULL,   -- the human-readable version beside it
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    written_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_notice PRIMARY KEY (invitation_id, seq)
);

-- What each polled feed last saw: HTTP validators and content hashes per document URL.
CREATE TABLE feed_document (
    feed_id        VARCHAR(100)  NOT NULL,
    url            VARCHAR(2000) NOT NULL,
    etag           VARCHAR(500),
    last_modified  VARCHAR(100),
    sha256         CHAR(64),
    inbox_path     VARCHAR(2000),
    fetched_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_feed_document PRIMARY KEY (feed_id, url)
);
