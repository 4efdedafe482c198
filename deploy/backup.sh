#!/usr/bin/env bash
# Backs up Bloc local: the database (pg_dump's custom format, compressed, restorable table by
# table) and every uploaded file (MEDIA_ROOT: images and photos; FORUMS_ATTACHMENTS_ROOT and
# PORTAL_DOCUMENTS_ROOT: attachments and documents), into BACKUP_DIR/<date-time>/.
# Keeps BACKUP_KEEP_DAYS days of backups (14). Run daily (a systemd timer or cron) as the
# portal's user, with its environment (DATABASE_URL, the folders); copy BACKUP_DIR off the host.
# Restore with deploy/restore.sh.  Usage: deploy/backup.sh [BACKUP_DIR]
set -euo pipefail

die() { echo "backup.sh: $*" >&2; exit 1; }

BACKUP_DIR="${1:-${BACKUP_DIR:-/var/backups/bloc-local}}"
KEEP_DAYS="${BACKUP_KEEP_DAYS:-14}"
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set."
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *) die "DATABASE_URL is not PostgreSQL." ;; esac
command -v pg_dump >/dev/null || die "pg_dump not found (Debian: postgresql-client)."

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
TARGET="$BACKUP_DIR/$STAMP"
mkdir -p "$TARGET.partial"

pg_dump --format=custom --compress=6 --no-owner --no-privileges \
  --file="$TARGET.partial/database.dump" "$DATABASE_URL"

# Each folder as a tar archive named after the setting it restores to.
archive() {
  local name=$1 folder=$2
  if [ -n "$folder" ] && [ -d "$folder" ]; then
    tar --create --gzip --file="$TARGET.partial/$name.tar.gz" --directory="$folder" .
  fi
}
archive MEDIA_ROOT "${MEDIA_ROOT:-}"
archive FORUMS_ATTACHMENTS_ROOT "${FORUMS_ATTACHMENTS_ROOT:-}"
# Documents default inside the attachments' folder: archived once.
case "${PORTAL_DOCUMENTS_ROOT:-}" in
  "${FORUMS_ATTACHMENTS_ROOT:-/nonexistent}"/*) ;;
  *) archive PORTAL_DOCUMENTS_ROOT "${PORTAL_DOCUMENTS_ROOT:-}" ;;
esac

(cd "$TARGET.partial" && sha256sum -- * > SHA256SUMS)
mv "$TARGET.partial" "$TARGET"  # a backup is complete or absent
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20*Z' -mtime +"$KEEP_DAYS" \
  -exec rm -rf {} +
echo "$TARGET"
