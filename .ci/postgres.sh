#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests.
#   eval "$(bash .ci/postgres.sh start)"   # installs Debian's postgresql if missing, starts it, and
#                                          # prints `export CLAIMTRAIL_TEST_PG=postgresql://…`
#   bash .ci/postgres.sh stop              # stops it and removes its data folder
# The server has a data folder of its own (CLAIMTRAIL_PG_DIR, default /tmp/claimtrail-pg), runs as
# the postgres user, listens on 127.0.0.1 on a free port and keeps its socket in the data folder.
# Everything but the export line goes to stderr. fsync is off: a test server, thrown away after.
set -euo pipefail
DIR="${CLAIMTRAIL_PG_DIR:-/tmp/claimtrail-pg}"
DATA="$DIR/data"

log() { echo "postgres.sh: $*" >&2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    d="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$d"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bin port
  bin="$(bindir)"
  if [ -f "$DIR/url" ] && as_pg "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "export CLAIMTRAIL_TEST_PG=$(cat "$DIR/url")"  # already running: reuse it
    return
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
  if ! as_pg "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1; then
    cat "$DIR/initdb.log" >&2; log "initdb failed"; exit 1
  fi
  port="$(free_port)"
  as_pg "$bin/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$DATA -c fsync=off" start >&2 \
    || { cat "$DIR/server.log" >&2; log "the server did not start"; exit 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres claimtrail_test >&2
  echo "postgresql://postgres@127.0.0.1:$port/claimtrail_test" > "$DIR/url"
  log "PostgreSQL running on 127.0.0.1:$port (data in $DATA)"
  echo "export CLAIMTRAIL_TEST_PG=$(cat "$DIR/url")"
}

stop() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -d "$DATA" ]; then
    as_pg "$d/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
