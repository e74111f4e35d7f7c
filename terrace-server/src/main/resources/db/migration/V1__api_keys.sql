-- API keys are stored only as the SHA-256 of the whole key; the id is the public part shown in listings.
CREATE TABLE api_keys (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    scopes      VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT
);
