-- Each inbox file is looked up by its SHA-256 before it is parsed (a file re-dropped after a crash is
-- known by its bytes); without an index that is a scan of every stored document per file.
CREATE INDEX ix_session_document_sha256 ON session_document (sha256);
