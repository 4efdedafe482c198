#!/usr/bin/env bash
# Restores a backup of deploy/backup.sh: the database into DATABASE_URL (its objects replaced:
# stop the app servers, the worker and the scheduler first) and the uploaded files into the
# folders the environment names (MEDIA_ROOT, FORUMS_ATTACHMENTS_ROOT, PORTAL_DOCUMENTS_ROOT).
# Then `manage.py migrate` (a backup of an older version) and, with OpenSearch,
# `manage.py update_index`.  Usage: deploy/restore.sh BACKUP_DIR/<date-time>
set -euo pipefail

die() { echo "restore.sh: $*" >&2; exit 1; }

SOURCE="${1:-}"
[ -n "$SOURCE" ] && [ -f "$SOURCE/database.dump" ] || die "usage: $0 BACKUP_DIR/<date-time> (with database.dump)"
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set."
command -v pg_restore >/dev/null || die "pg_restore not found (Debian: postgresql-client)."

(cd "$SOURCE" && sha256sum --check --quiet SHA256SUMS) || die "the backup is damaged (SHA256SUMS)."

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --dbname="$DATABASE_URL" "$SOURCE/database.dump"

for name in MEDIA_ROOT FORUMS_ATTACHMENTS_ROOT PORTAL_DOCUMENTS_ROOT; do
  archive="$SOURCE/$name.tar.gz"
  folder="${!name:-}"
  if [ -f "$archive" ]; then
    [ -n "$folder" ] || die "$name is not set: cannot restore $archive."
    mkdir -p "$folder"
    tar --extract --gzip --file="$archive" --directory="$folder"
  fi
done
echo "restore.sh: restored $SOURCE" >&2
