#!/usr/bin/env bash
# Sets up PostgreSQL for the store tests on a Debian machine, as root (STORE.md §3.2): installs
# Debian's postgresql if pg_ctlcluster is missing, starts cluster 15/main, creates the csm role
# and the csm_test database if absent, and prints the line that points the tests at them:
#   eval "$(scripts/ci-postgres.sh)"
# Everything but that line goes to stderr. Safe to run again.
set -euo pipefail

version=15
cluster=main
role=csm
password=csm
database=csm_test

log() { echo "ci-postgres: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "run me as root (I install packages and start the cluster as user postgres)"
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null; then
  log "installing postgresql"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi

# The package creates the cluster but, without systemd, starts nothing.
if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  log "starting cluster $version/$cluster"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { su postgres -c "$1"; }

if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$role'\"")" != 1 ]; then
  log "creating role $role"
  # A superuser, as in a developer's setup: the tests create and drop schemas, functions and triggers.
  as_postgres "psql -q -c \"CREATE ROLE $role LOGIN PASSWORD '$password' SUPERUSER\"" >&2
fi

if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$database'\"")" != 1 ]; then
  log "creating database $database"
  as_postgres "createdb -O $role $database" >&2
fi

port=$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')
echo "export CSM_TEST_POSTGRES=postgres://$role:$password@127.0.0.1:$port/$database"
