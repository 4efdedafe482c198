"""deploy/backup.sh and deploy/restore.sh: a backup of the database and of the uploaded files,
restored into an empty database and empty folders, gives back the same pages and files.

PostgreSQL only (pg_dump, pg_restore): these tests run when DATABASE_URL names PostgreSQL, as
CI's second run of the suite does (`DATABASE_URL="$(scripts/postgres.sh url)" make test`); on
SQLite they are reported as skipped with that reason."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
RESTORED = "test_blocal_restored"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="backups are PostgreSQL's (pg_dump): run with DATABASE_URL=postgres://…",
    ),
]


def url(name: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgresql://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def admin(sql: str) -> None:
    with psycopg.connect(url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


def script(name: str, *args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own scripts
        [ROOT / "deploy" / name, *map(str, args)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def restored_database():
    admin(f'DROP DATABASE IF EXISTS "{RESTORED}"')
    admin(f'CREATE DATABASE "{RESTORED}"')
    yield url(RESTORED)
    admin(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')


def test_a_backup_restores_the_pages_and_the_files(tmp_path, restored_database):
    # The test database holds the demo content, committed before the tests: a small site.
    media, attachments = tmp_path / "media", tmp_path / "private"
    (media / "images").mkdir(parents=True)
    (media / "images" / "photo.jpg").write_bytes(b"\xff\xd8une image")
    attachments.mkdir()
    (attachments / "piece.pdf").write_bytes(b"%PDF-1.7 une piece jointe")
    folders = {"MEDIA_ROOT": str(media), "FORUMS_ATTACHMENTS_ROOT": str(attachments)}

    backup = script(
        "backup.sh",
        tmp_path / "backups",
        DATABASE_URL=url(connection.settings_dict["NAME"]),
        **folders,
    )
    assert backup.returncode == 0, backup.stderr
    made = Path(backup.stdout.strip())
    assert {p.name for p in made.iterdir()} == {
        "database.dump",
        "MEDIA_ROOT.tar.gz",
        "FORUMS_ATTACHMENTS_ROOT.tar.gz",
        "SHA256SUMS",
    }

    back = {
        "MEDIA_ROOT": str(tmp_path / "back-media"),
        "FORUMS_ATTACHMENTS_ROOT": str(tmp_path / "back-private"),
    }
    restore = script("restore.sh", made, DATABASE_URL=restored_database, **back)
    assert restore.returncode == 0, restore.stderr

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(title) FROM wagtailcore_page")
        expected = cursor.fetchone()
    with psycopg.connect(restored_database) as conn:
        assert (
            conn.execute("SELECT count(*), max(title) FROM wagtailcore_page").fetchone() == expected
        )
        assert conn.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 50
    assert (tmp_path / "back-media" / "images" / "photo.jpg").read_bytes() == b"\xff\xd8une image"
    assert (tmp_path / "back-private" / "piece.pdf").read_bytes().startswith(b"%PDF")


def test_a_damaged_backup_is_refused(tmp_path, restored_database):
    made = tmp_path / "20260101T000000Z"
    made.mkdir()
    (made / "database.dump").write_bytes(b"pas une sauvegarde")
    (made / "SHA256SUMS").write_text("0" * 64 + "  database.dump\n")
    restore = script("restore.sh", made, DATABASE_URL=restored_database)
    assert restore.returncode != 0
    assert "damaged" in restore.stderr
