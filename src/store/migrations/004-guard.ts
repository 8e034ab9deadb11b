/**
 * The moderation log: one row per guard decision. Personal data is never stored raw; a row
 * keeps the SHA-256 of the finding's text, and an excerpt only for non-personal findings.
 */
export const sql = `
create table moderation_log (
  id bigserial primary key,
  scan_id text not null,
  at timestamptz not null default now(),
  direction text not null check (direction in ('in', 'out')),
  source text,
  finding_type text not null,
  rule text not null,
  action text not null check (action in ('allow', 'mask', 'flag', 'block')),
  verdict text not null check (verdict in ('allow', 'mask', 'flag', 'block')),
  policy_version text not null,
  input_hash text not null,
  text_hash text not null,
  excerpt text,
  span_start integer not null,
  span_end integer not null,
  score real not null,
  language text,
  category text,
  channel text,
  market text
);
create index moderation_log_at on moderation_log (at);
create index moderation_log_type on moderation_log (finding_type, action, at);
create index moderation_log_scan on moderation_log (scan_id);
`;
