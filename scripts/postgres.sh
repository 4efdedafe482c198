#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests: private data dir and port, so it
# never touches (or collides with) a system cluster on the same machine.
# Usage: scripts/postgres.sh start|stop|url
set -euo pipefail

PG_DIR="${PG_DIR:-/tmp/blocal-pg}"
PG_PORT="${PG_PORT:-54329}"
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"

die() { echo "postgres.sh: $*" >&2; exit 1; }

# Newest installed server version wins; empty (not an error) if none is installed.
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }

# initdb and postgres refuse to run as root, so drop to the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_server() {
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL server is not installed and we are not root; install the 'postgresql' package first."
  echo "postgres.sh: installing PostgreSQL server with apt..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
    || die "apt-get install postgresql failed; install it manually."
}

url() { echo "postgres://blocal@127.0.0.1:$PG_PORT/blocal"; }

start() {
  BIN="$(find_bin)"
  if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    install_server
    BIN="$(find_bin)"
    [ -n "$BIN" ] || die "no /usr/lib/postgresql/*/bin/initdb even after installing."
  fi

  if [ -d "$DATA" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "postgres.sh: already running ($DATA)" >&2
  else
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
      # Trust auth is fine: we only listen on 127.0.0.1 and a private socket dir.
      as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
    fi
    # Settings go on the command line so PG_PORT can change between runs.
    # Durability is pointless for a test database; turning it off is much faster.
    # -w also notices a server that dies at once (e.g. port taken) instead of hanging.
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 start -o \
      "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null || { tail -n 5 "$LOG" >&2; die "could not start server on 127.0.0.1:$PG_PORT (log: $LOG)"; }
  fi

  local waited=0
  until "$BIN/pg_isready" -q -h "$PG_DIR" -p "$PG_PORT"; do
    if [ "$waited" -ge 30 ]; then
      die "server not ready on 127.0.0.1:$PG_PORT after 30 s (log: $LOG)"
    fi
    sleep 1; waited=$((waited + 1))
  done

  # Superuser so Django's test runner can create and drop test_blocal.
  local psql=("$BIN/psql" -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres)
  if [ -z "$("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'blocal'")" ]; then
    "${psql[@]}" -c "CREATE ROLE blocal LOGIN SUPERUSER"
  fi
  if [ -z "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'blocal'")" ]; then
    "${psql[@]}" -c "CREATE DATABASE blocal OWNER blocal"
  fi
  url
}

stop() {
  BIN="$(find_bin)"
  if [ -n "$BIN" ] && [ -d "$DATA" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "postgres.sh: stopped" >&2
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) die "usage: $0 start|stop|url" ;;
esac
