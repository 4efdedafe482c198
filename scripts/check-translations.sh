#!/usr/bin/env bash
# Fails when `make messages` would change the committed French catalogue, i.e. when a displayed
# string was added or changed without updating locale/fr. Leaves the tree as it found it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xgettext >/dev/null || {
  [ "$(id -u)" -eq 0 ] || { echo "check-translations: GNU gettext is missing; install the 'gettext' package." >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
}
saved=$(mktemp -d)
trap 'rm -rf "$saved"' EXIT
cp -a locale/. "$saved/"
.venv/bin/python manage.py makemessages -l fr --ignore=.venv --ignore=node_modules --ignore=tests \
  --no-location --no-obsolete >/dev/null
if ! diff -ru "$saved" locale; then
  cp -a "$saved/." locale/
  echo "check-translations: locale/fr is out of date; run 'make messages' and commit it." >&2
  exit 1
fi
echo "check-translations: locale/fr is up to date."
