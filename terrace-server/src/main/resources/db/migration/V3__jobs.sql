-- Jobs: status and progress, committed with each chunk of rows written to the jobs' folder.
-- Times are milliseconds since the epoch; a job's rows are files, not rows here.
CREATE TABLE jobs (
    id              VARCHAR(40)  PRIMARY KEY,
    owner           VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      BIGINT       NOT NULL,
    started_at      BIGINT,
    finished_at     BIGINT,
    total           BIGINT,
    processed       BIGINT       NOT NULL,
    failed_rows     BIGINT       NOT NULL,
    chunks          INTEGER      NOT NULL,
    chunk_rows      INTEGER      NOT NULL,
    error           TEXT,
    options         TEXT         NOT NULL,
    input_format    VARCHAR(16)  NOT NULL,
    layer           VARCHAR(200),
    idempotency_key VARCHAR(255),
    request_hash    VARCHAR(64)  NOT NULL
);

-- A retried jobs.create with the same key finds the first job; keys are per owner.
CREATE UNIQUE INDEX jobs_owner_key ON jobs (owner, idempotency_key);
CREATE INDEX jobs_owner_id ON jobs (owner, id);
CREATE INDEX jobs_status ON jobs (status);
