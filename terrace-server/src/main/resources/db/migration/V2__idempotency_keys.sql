-- The first response to each Idempotency-Key, per caller, replayed to retries of the same request.
CREATE TABLE idempotency_keys (
    owner        VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    body         TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (owner, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
