#!/usr/bin/env bash
# A throwaway cluster of the machine's own PostgreSQL (Debian's `postgresql` package), set up as
# docs/operations.md asks of an external server: scram-sha-256 over TCP, a database owned by a
# non-superuser role `tally` (CREATEROLE only, for reader accounts), and the checks' read-only role
# `tally_check`. The external-database tests (ExternalPostgresTest) and .ci/run use it.
#
#   scripts/external-postgres.sh start DIR PORT   # prints TALLY_DB_URL=… lines for the environment
#   scripts/external-postgres.sh stop DIR
#
# PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user the package
# creates, and DIR must be a path that user can reach (under /tmp, say).
set -euo pipefail

command=${1:?usage: $0 start DIR PORT | stop DIR}
dir=${2:?usage: $0 start DIR PORT | stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 2; }

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

secret() {
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

case "$command" in
  start)
    port=${3:?usage: $0 start DIR PORT}
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    owner_password=$(secret)
    check_password=$(secret)
    as_server "$bin/initdb" -D "$dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null
    # Passwords go in as psql variables (:'…'), quoted by psql itself.
    as_server "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -v owner="$owner_password" -v check="$check_password" <<'SQL'
CREATE ROLE tally LOGIN PASSWORD :'owner' NOSUPERUSER NOCREATEDB CREATEROLE;
CREATE DATABASE tally OWNER tally;
CREATE ROLE tally_check LOGIN PASSWORD :'check' NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER ROLE tally_check SET default_transaction_read_only = on;
SQL
    echo "TALLY_DB_URL=jdbc:postgresql://127.0.0.1:$port/tally"
    echo "TALLY_DB_USER=tally"
    echo "TALLY_DB_PASSWORD=$owner_password"
    echo "TALLY_DB_CHECK_USER=tally_check"
    echo "TALLY_DB_CHECK_PASSWORD=$check_password"
    echo "TALLY_DB_SERVER_VERSION=$("$bin/postgres" --version)"
    ;;
  stop)
    [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
