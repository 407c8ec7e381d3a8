"""The database's own full-text search for the search index (written by hand: keep it when the
community migrations are regenerated)."""

from django.db import migrations

# The database's own full-text search for the search index (kept by hand when migrations are
# regenerated): an FTS5 table on SQLite, a GIN index on PostgreSQL. Each runs on its own database only.
FTS_SQLITE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS community_search_fts USING fts5("
    "title, body, tags, tokenize = 'unicode61 remove_diacritics 2')"
)
GIN_POSTGRES = (
    "CREATE INDEX IF NOT EXISTS search_document_vector ON community_searchdocument USING gin (search_vector)"
)


def fulltext_create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_SQLITE)
    elif vendor == "postgresql":
        schema_editor.execute(GIN_POSTGRES)


def fulltext_drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS community_search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector")


class Migration(migrations.Migration):
    dependencies = [("community", "0002_community_features")]

    operations = [migrations.RunPython(fulltext_create, fulltext_drop)]
