/** Documents, chunks, ingest runs and immutable dataset versions. */
export const sql = `
create table documents (
  id text primary key,
  content_hash text not null,
  source_uri text not null,
  kind text not null,
  title text not null,
  language text not null,
  language_confidence real not null,
  category text,
  body text not null,
  metadata jsonb not null default '{}',
  pii_counts jsonb not null default '{}',
  warnings jsonb not null default '[]',
  minhash bytea,
  created_at timestamptz not null default now()
);
create index documents_content_hash on documents (content_hash);

create table chunks (
  id text primary key,
  document_id text not null references documents (id),
  ordinal integer not null,
  body text not null,
  token_count integer not null,
  heading_path jsonb not null default '[]',
  unique (document_id, ordinal)
);

create table ingest_runs (
  id text primary key,
  fingerprint text not null,
  status text not null check (status in ('running', 'committed', 'failed')),
  sources jsonb not null,
  settings jsonb not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  version_id text
);
create index ingest_runs_fingerprint on ingest_runs (fingerprint, status);

create table run_sources (
  run_id text not null references ingest_runs (id),
  source_key text not null,
  source_hash text not null,
  settings_hash text not null,
  status text not null check (status in ('done', 'failed')),
  detail text,
  primary key (run_id, source_key)
);
create index run_sources_reuse on run_sources (source_hash, settings_hash);

create table run_items (
  run_id text not null references ingest_runs (id),
  source_key text not null,
  source_uri text not null,
  document_id text references documents (id),
  status text not null check (status in ('kept', 'duplicate', 'near-duplicate')),
  duplicate_of text,
  similarity real,
  primary key (run_id, source_uri)
);

create table dataset_versions (
  id text primary key,
  parent_id text references dataset_versions (id),
  run_id text not null references ingest_runs (id),
  created_at timestamptz not null default now(),
  card jsonb not null
);

create table version_documents (
  version_id text not null references dataset_versions (id),
  document_id text not null references documents (id),
  split text not null,
  primary key (version_id, document_id)
);

create table workspace_state (
  key text primary key,
  value jsonb not null
);
`;
