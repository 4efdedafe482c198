#!/usr/bin/env bash
# Installs what the browser tests need, or stops with a clear message: Debian's Chromium (never
# a browser downloaded by a test tool), Java for the Nu HTML Checker, and the npm checkers.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "browser-deps: $*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" -eq 0 ] || die "$1 is missing and we are not root: install the Debian package '$1'."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null \
    || die "apt-get install $1 failed."
}

[ -x /usr/bin/chromium ] || apt_install chromium
command -v java >/dev/null || apt_install default-jre-headless
command -v npm >/dev/null || apt_install npm
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --no-audit --no-fund --ignore-scripts >/dev/null || die "npm ci failed (axe-core, vnu-jar)."
fi
/usr/bin/chromium --version >/dev/null 2>&1 || die "Chromium is installed but does not start."
echo "browser-deps: Chromium, Java, axe-core and the Nu HTML Checker are ready."
