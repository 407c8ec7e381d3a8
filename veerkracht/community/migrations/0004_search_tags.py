"""PostgreSQL: the filter tags of every index row beside its words, for the per-kind GIN indexes that
post_migrate makes for every registered kind (services/search.py ``fulltext_ensure``). Written by hand:
keep it when the community migrations are regenerated."""

import django.contrib.postgres.search
from django.db import migrations

FILL = (
    "UPDATE community_searchdocument d SET search_tags = to_tsvector('simple', w.tags) "
    "FROM unnest(%s::bigint[], %s::text[]) AS w(id, tags) WHERE d.id = w.id"
)


def tags_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from veerkracht.community import fulltext

    documents = apps.get_model("community", "SearchDocument").objects.only(
        "id", "region_id", "municipality_code", "subregion", "themes", "dimensions"
    )
    batch = []
    for row in documents.order_by("id").iterator(chunk_size=2000):
        batch.append(row)
        if len(batch) == 2000:
            _write(schema_editor, batch, fulltext)
            batch = []
    _write(schema_editor, batch, fulltext)


def _write(schema_editor, rows, fulltext):
    if not rows:
        return
    tags = [
        fulltext.tags(
            region_id=r.region_id,
            municipality_code=r.municipality_code,
            subregion=r.subregion,
            themes=r.themes,
            dimensions=r.dimensions,
        )
        for r in rows
    ]
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FILL, [[r.id for r in rows], tags])


class Migration(migrations.Migration):
    dependencies = [("community", "0003_search_fulltext")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="search_tags",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(tags_fill, migrations.RunPython.noop),
    ]
