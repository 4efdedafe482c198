#!/usr/bin/env bash
# Throwaway single-node OpenSearch for tests and development, HTTP on 127.0.0.1.
# Built from Maven Central artefacts with our launcher (opensearch/): no Docker,
# no download other than Maven's. Each start gets an empty data dir.
# Usage: scripts/opensearch.sh start|stop|url|status|pid
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROJECT="$ROOT/opensearch"
OS_DIR="${OPENSEARCH_DIR:-/tmp/blocal-opensearch}"
HOME_DIR="$OS_DIR/home"      # path.home: data and logs, wiped at each start and stop
LOG="$OS_DIR/node.log"
PID_FILE="$OS_DIR/node.pid"
PORT_FILE="$OS_DIR/port"     # the port actually used, for `url` and `stop`
MAIN=fr.bloclocal.opensearch.Launcher
WAIT=90

die() { echo "opensearch.sh: $*" >&2; exit 1; }
say() { echo "opensearch.sh: $*" >&2; }

port() { cat "$PORT_FILE" 2>/dev/null || echo "${OPENSEARCH_PORT:-9250}"; }
url() { echo "http://127.0.0.1:$(port)"; }

# Our node's pid, only if that process is alive and really is our launcher
# (a stale pid file may point at a reused pid).
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q "$MAIN $HOME_DIR " || return 1
  echo "$pid"
}

healthy() {
  curl -fsS --max-time 7 "$(url)/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

build() {
  command -v java >/dev/null || die "java not found: install a JDK 17 (Debian: openjdk-17-jdk-headless)."
  command -v mvn >/dev/null || die "mvn not found: install Maven (Debian: maven)."
  local stamp="$PROJECT/target/build.stamp"
  # Rebuild when the classes or jars are missing or the pom/sources changed since the last build.
  if [ -d "$PROJECT/target/classes" ] && [ -d "$PROJECT/target/dependency" ] && [ -f "$stamp" ] \
    && [ -z "$(find "$PROJECT/pom.xml" "$PROJECT/src" -newer "$stamp" -print -quit)" ]; then
    return
  fi
  say "building the launcher with Maven (the first build fetches ~45 MB of jars)..."
  rm -rf "$PROJECT/target/dependency"   # no stale jars from an older version on the classpath
  mvn -B -q -f "$PROJECT/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime >&2 \
    || die "Maven build of $PROJECT failed (see above)."
  touch "$stamp"
}

wait_healthy() {
  local pid=$1 start=$SECONDS
  until healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2
      die "the node died while starting (log: $LOG)"
    fi
    if [ $((SECONDS - start)) -ge "$WAIT" ]; then
      tail -n 30 "$LOG" >&2
      die "no healthy answer from $(url) after $WAIT s (log: $LOG; stop it with: $0 stop)"
    fi
    say "waiting for $(url) ($((SECONDS - start)) s)..."
    sleep 2
  done
  say "ready after $((SECONDS - start)) s"
}

start() {
  command -v curl >/dev/null || die "curl not found: install it (Debian: curl)."
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid)"
    wait_healthy "$pid"
    url
    return
  fi
  build

  # The wanted port, or the next free one if something else holds it.
  local p="${OPENSEARCH_PORT:-9250}"
  while listening "$p"; do p=$((p + 1)); done
  [ "$p" = "${OPENSEARCH_PORT:-9250}" ] || say "port ${OPENSEARCH_PORT:-9250} is taken, using $p"

  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR"
  echo "$p" >"$PORT_FILE"
  # Flags from OpenSearch's own jvm.options that matter for an embedded node;
  # the heap is small because CI also runs PostgreSQL and a browser on 2 cores.
  local flags=(
    -Xms512m -Xmx1g
    -Dopensearch.set.netty.runtime.available.processors=false
    '-Djava.locale.providers=SPI,COMPAT'
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true
    -Dio.netty.recycler.maxCapacityPerThread=0
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true
    -Djna.nosys=true -Dfile.encoding=UTF-8
  )
  # nohup: the node outlives this script and the terminal it was started from.
  nohup java "${flags[@]}" -cp "$PROJECT/target/classes:$PROJECT/target/dependency/*" \
    "$MAIN" "$HOME_DIR" "$p" </dev/null >"$LOG" 2>&1 &
  echo $! >"$PID_FILE"
  say "started pid $! (log: $LOG)"
  wait_healthy "$!"
  url
}

stop() {
  local pid _
  if pid="$(running_pid)"; then
    kill -TERM "$pid"
    # The launcher's shutdown hook closes the node; force it if it hangs.
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "still running after 20 s, killing it"
      kill -KILL "$pid"
    fi
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    say "stopped"
  fi
  rm -rf "$HOME_DIR" "$PID_FILE" "$PORT_FILE"
}

status() {
  local pid
  pid="$(running_pid)" || { echo "not running"; return 1; }
  if healthy; then echo "running, pid $pid, $(url)"; else echo "running but not healthy, pid $pid, $(url)"; return 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  status) status ;;
  pid) running_pid || die "not running" ;;
  *) die "usage: $0 start|stop|url|status|pid" ;;
esac
