-- Releases of the open-data bulk downloads (issue 16; src/modules/openData/releases.ts). A
-- dataset's files are built again at the first download after its tables changed, under an
-- advisory lock, and kept here — not on a server's disk — so every server process serves the same
-- files. A release that would change no published row is not made: the last one is marked current.

CREATE TABLE open_data_releases (
  dataset_id   text NOT NULL,
  release_no   integer NOT NULL CHECK (release_no > 0),
  released_at  timestamptz NOT NULL,
  -- What the files were built from: the version of the dataset's tables, the day (open and
  -- closed recruitment calls) and its published fields. Another key means build again.
  source_key   text NOT NULL,
  row_count    integer NOT NULL,
  -- The change log against the release before: counts, and the ids (none listed for the first
  -- release, whose every row is new).
  added        integer NOT NULL,
  changed      integer NOT NULL,
  removed      integer NOT NULL,
  changes      jsonb NOT NULL,
  -- Row id → content hash, for the next change log; kept on the latest release only.
  row_hashes   jsonb,
  -- [{format, byte_size, sha256, chunks}] of each file.
  files        jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1,
  PRIMARY KEY (dataset_id, release_no)
);

-- The gzip bytes of each file, in chunks read one at a time while a download streams. Only the
-- two latest releases keep theirs: a download that began before a new release still finishes.
CREATE TABLE open_data_file_chunks (
  dataset_id  text NOT NULL,
  release_no  integer NOT NULL,
  format      text NOT NULL CHECK (format IN ('csv.gz', 'jsonl.gz')),
  seq         integer NOT NULL,
  bytes       bytea NOT NULL,
  PRIMARY KEY (dataset_id, release_no, format, seq),
  FOREIGN KEY (dataset_id, release_no) REFERENCES open_data_releases ON DELETE CASCADE
);
