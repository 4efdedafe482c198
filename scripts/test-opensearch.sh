#!/usr/bin/env bash
# The search tests against OpenSearch: the cluster named by OPENSEARCH_URL, else our own
# single node (scripts/opensearch.sh), started for this run and stopped after it.
# Usage: scripts/test-opensearch.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${OPENSEARCH_URL:-}" ]; then
  if ! scripts/opensearch.sh status >/dev/null 2>&1; then
    trap 'scripts/opensearch.sh stop' EXIT
  fi
  OPENSEARCH_URL="$(scripts/opensearch.sh start)"
fi
export OPENSEARCH_URL
echo "==> Search tests against OpenSearch at $OPENSEARCH_URL"
OPTIONS=(-p no:cacheprovider -o addopts="-ra --strict-markers")
# The search tests share the node between processes (each has its own indexes); the node's own
# tests stop and freeze it, so they run alone, after.
.venv/bin/pytest tests/search -n "${TEST_WORKERS:-auto}" "${OPTIONS[@]}" "$@"
.venv/bin/pytest tests/opensearch "${OPTIONS[@]}" "$@"
