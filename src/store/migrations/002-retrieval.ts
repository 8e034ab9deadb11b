/** Embedding cache for retrieval, and background jobs such as index rebuilds. */
export const sql = `
create table embedding_cache (
  cache_key text primary key,
  model_id text not null,
  revision text not null,
  vector bytea not null,
  created_at timestamptz not null default now()
);

create table jobs (
  id text primary key,
  kind text not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  payload jsonb not null default '{}',
  result jsonb,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index jobs_status on jobs (status, created_at);
`;
