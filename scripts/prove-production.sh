#!/usr/bin/env bash
# The production proof on loopback (scripts/prove_production.py says what it checks): two
# gunicorn app servers behind Varnish, sharing a PostgreSQL cluster and a Redis of their own
# (scripts/postgres.sh, scripts/redis.sh) and OpenSearch when OPENSEARCH_URL is given.
# Prints PASS or FAIL for each check and exits non-zero when one failed. Needs the test
# dependencies (make install-test) and Debian's varnish, redis-server, postgresql and wrk,
# installed here with apt when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v wrk >/dev/null || missing+=(wrk)
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "prove-production.sh: install ${missing[*]} (Debian) first." >&2; exit 1; }
  echo "prove-production.sh: installing ${missing[*]} with apt..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || make install-test
.venv/bin/python -c "import aiosmtpd, factory" 2>/dev/null || make install-test
export PATH="/usr/sbin:$PATH"
exec .venv/bin/python scripts/prove_production.py
