/**
 * A/B/n experiments: their plan, each user's assigned variant, and the events users cause.
 * User ids are stored only as SHA-256 hashes salted with the experiment id.
 */
export const sql = `
create table experiments (
  id text primary key,
  name text not null unique,
  variants jsonb not null,
  metric text not null check (metric in ('conversion', 'click', 'revenue')),
  baseline_rate double precision not null,
  minimum_detectable_effect double precision not null,
  alpha double precision not null,
  power double precision not null,
  sample_size_per_arm integer not null,
  min_run_days integer not null,
  assignment_mode text not null check (assignment_mode in ('hash', 'thompson')),
  status text not null default 'running' check (status in ('running', 'stopped')),
  created_at timestamptz not null default now()
);

create table experiment_assignments (
  experiment_id text not null references experiments (id) on delete cascade,
  user_hash text not null,
  variant text not null,
  assigned_at timestamptz not null default now(),
  primary key (experiment_id, user_hash)
);

create table experiment_events (
  id bigint generated always as identity primary key,
  experiment_id text not null references experiments (id) on delete cascade,
  variant text not null,
  user_hash text not null,
  kind text not null check (kind in ('impression', 'click', 'conversion', 'revenue')),
  value double precision,
  at timestamptz not null
);
create index experiment_events_by_time on experiment_events (experiment_id, at);
`;
