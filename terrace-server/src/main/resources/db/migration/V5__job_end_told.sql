-- Whether a job's end has been told to its webhooks (its deliveries written): a service stopped between ending a
-- job and writing them tells it on start. Jobs that ended before this column was added count as told.
ALTER TABLE jobs ADD COLUMN end_told SMALLINT NOT NULL DEFAULT 1;
