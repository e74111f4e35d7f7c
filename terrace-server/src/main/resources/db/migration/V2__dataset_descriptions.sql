-- What each dataset's rasters said when last opened, so that listings never wait on a source after a restart.
CREATE TABLE dataset_descriptions (
    id           VARCHAR(400)  PRIMARY KEY,
    location     VARCHAR(4000) NOT NULL,
    description  TEXT          NOT NULL,
    described_at BIGINT        NOT NULL
);
