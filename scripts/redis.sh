#!/usr/bin/env bash
# Throwaway Redis for tests, development and the production proof: Debian's redis-server on
# 127.0.0.1, its own port and folder, nothing written to disk (a restart starts empty).
# Usage: scripts/redis.sh start|stop|url|status   (REDIS_DIR, REDIS_PORT choose another one)
set -euo pipefail

REDIS_DIR="${REDIS_DIR:-/tmp/blocal-redis}"
REDIS_PORT="${REDIS_PORT:-6389}"
PID_FILE="$REDIS_DIR/redis.pid"
LOG="$REDIS_DIR/redis.log"

die() { echo "redis.sh: $*" >&2; exit 1; }

url() { echo "redis://127.0.0.1:$REDIS_PORT/0"; }

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

install_server() {
  [ "$(id -u)" -eq 0 ] || die "redis-server is not installed and we are not root; install Debian's 'redis-server' package first."
  echo "redis.sh: installing redis-server with apt..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; } \
    || die "apt-get install redis-server failed; install it manually."
}

start() {
  command -v redis-server >/dev/null || install_server
  command -v redis-server >/dev/null || die "no redis-server even after installing."
  mkdir -p "$REDIS_DIR"
  if running; then
    echo "redis.sh: already running ($REDIS_DIR)" >&2
  else
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
      --pidfile "$PID_FILE" --logfile "$LOG" --save "" --appendonly no \
      --maxmemory 256mb --maxmemory-policy allkeys-lru >/dev/null \
      || die "could not start redis-server on 127.0.0.1:$REDIS_PORT"
  fi
  local waited=0
  until redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; do
    if [ "$waited" -ge 50 ]; then
      tail -n 5 "$LOG" >&2 || true
      die "not answering on 127.0.0.1:$REDIS_PORT after 5 s (log: $LOG)"
    fi
    sleep 0.1; waited=$((waited + 1))
  done
  url
}

stop() {
  if running; then
    kill "$(cat "$PID_FILE")"
    local waited=0
    while running && [ "$waited" -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
    echo "redis.sh: stopped" >&2
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  status) running ;;
  *) die "usage: $0 start|stop|url|status" ;;
esac
