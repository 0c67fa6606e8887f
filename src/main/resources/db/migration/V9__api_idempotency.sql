-- What each API client was answered per Idempotency-Key, so a retried request gets the same answer
-- and is not done twice.
CREATE TABLE api_idempotency (
    client           VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    request_sha256   VARCHAR(64)  NOT NULL,
    status           INTEGER      NOT NULL,
    response         TEXT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client, idempotency_key)
);
