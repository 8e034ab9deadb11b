#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL, then prints a connection URL for
# the store's test suite on stdout. Safe to run twice.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql ]; then
  echo "installing postgresql from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start >&2
fi

port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done

su postgres -c "psql -q -p $port -c \"alter user postgres password 'markwerk'\"" >&2
su postgres -c "psql -p $port -tAc \"select 1 from pg_database where datname = 'markwerk_test'\"" \
  | grep -q 1 || su postgres -c "createdb -p $port markwerk_test" >&2

echo "postgres://postgres:markwerk@127.0.0.1:$port/markwerk_test"
