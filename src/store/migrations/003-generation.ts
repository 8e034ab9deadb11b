/** The usage ledger of generator calls, and the cache of complete generation results. */
export const sql = `
create table generation_usage (
  id bigint generated always as identity primary key,
  workspace text not null,
  provider text not null,
  model text not null,
  use_case text not null,
  input_tokens integer not null,
  output_tokens integer not null,
  token_source text not null check (token_source in ('server', 'tokenizer', 'estimate')),
  cost double precision,
  currency text,
  latency_ms double precision not null,
  ttft_ms double precision,
  outcome text not null check (outcome in ('completed', 'broken')),
  at timestamptz not null
);
create index generation_usage_workspace_at on generation_usage (workspace, at);

create table generation_cache (
  cache_key text primary key,
  dataset_version text not null,
  model text not null,
  provider text not null,
  template_id text,
  template_version integer,
  result jsonb not null,
  created_at timestamptz not null default now()
);
create index generation_cache_dataset_version on generation_cache (dataset_version);
`;
