"""The word pairs that PostgreSQL matches a phrase by (search/postgres.py): the column, its
index on PostgreSQL only, and the pairs of the documents already written."""

import re

from django.db import migrations, models

INDEX = "search_document_pairs"
BATCH = 500
WORD = re.compile(r"[^\W_]+")  # as in core.text, at the time of this migration


def word_pairs(folded: str) -> str:
    words = WORD.findall(folded)
    return " ".join(dict.fromkeys(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)))


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    documents = apps.get_model("search", "SearchDocument")
    ids = list(documents.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = list(documents.objects.filter(pk__in=ids[start : start + BATCH]).only("text"))
        for document in batch:
            document.pairs = word_pairs(document.text)
        documents.objects.bulk_update(batch, ["pairs"])
    table = schema_editor.quote_name(documents._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON {table} USING gin (string_to_array(pairs, ' '))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_document_hits_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument", name="pairs", field=models.TextField(blank=True)
        ),
        migrations.RunPython(create, drop),
    ]
