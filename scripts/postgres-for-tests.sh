#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the test suite and print its SQLAlchemy URL.
#   usage: eval "$(scripts/postgres-for-tests.sh start)"   # exports SITREP_TEST_POSTGRES_URL
#          scripts/postgres-for-tests.sh stop
# Installs Debian's postgresql package if no server binaries are found (needs root).
set -euo pipefail

DATA_DIR=${SITREP_PG_DIR:-/tmp/sitrep-test-pg}
PORT=${SITREP_PG_PORT:-54329}

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

as_owner() {  # PostgreSQL refuses to run as root: use the postgres account when we are root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if ! BIN=$(find_bin); then
      echo "installing postgresql…" >&2
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      BIN=$(find_bin)
    fi
    if [ -f "$DATA_DIR/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$DATA_DIR" stop -m fast >&2 || true
    fi
    rm -rf "$DATA_DIR" && mkdir -p "$DATA_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DATA_DIR"
    as_owner "$BIN/initdb" -D "$DATA_DIR" -U sitrep --auth=trust >/dev/null
    as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w \
      -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U sitrep sitrep_test
    echo "export SITREP_TEST_POSTGRES_URL=postgresql+psycopg://sitrep@127.0.0.1:$PORT/sitrep_test"
    ;;
  stop)
    BIN=$(find_bin) && as_owner "$BIN/pg_ctl" -D "$DATA_DIR" stop -m fast >&2 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
