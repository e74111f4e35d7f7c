-- Webhooks belong to the principal that created them (an API key's id, or ip:ADDRESS without auth). The secret
-- is kept as given, not hashed: every delivery is signed with it.
CREATE TABLE webhooks (
    id         VARCHAR(40)   PRIMARY KEY,
    owner      VARCHAR(200)  NOT NULL,
    url        VARCHAR(2000) NOT NULL,
    events     VARCHAR(200)  NOT NULL,
    secret     VARCHAR(200)  NOT NULL,
    created_at BIGINT        NOT NULL
);
CREATE INDEX webhooks_by_owner ON webhooks (owner, created_at);

-- One event for one webhook, its body as first written so that every attempt sends the same bytes. A pending
-- row is due at next_attempt_at, which an attempt pushes forward while it runs, so that a service restarted
-- mid-attempt tries again and two services sharing the database never send at once.
CREATE TABLE webhook_deliveries (
    id              VARCHAR(40)  PRIMARY KEY,
    webhook_id      VARCHAR(40)  NOT NULL,
    event           VARCHAR(40)  NOT NULL,
    event_id        VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    created_at      BIGINT       NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    next_attempt_at BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at);

CREATE TABLE webhook_attempts (
    delivery_id VARCHAR(40)   NOT NULL,
    attempt     INTEGER       NOT NULL,
    at          BIGINT        NOT NULL,
    status_code INTEGER,
    latency_ms  BIGINT        NOT NULL,
    error       VARCHAR(1000),
    PRIMARY KEY (delivery_id, attempt)
);
