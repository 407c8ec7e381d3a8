"""Writing the search index: (re)index or remove one object on every save and delete of a registered
model, and rebuild everything (``manage.py search_rebuild``, the demo).

The index is written in the same transaction as the object (a rolled back write leaves no trace in
the index either). PostgreSQL gets its tsvector from the database ('dutch' configuration, title weight
A, summary and body weight B); SQLite gets the stems in its FTS5 table (fulltext.py).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils import timezone

from veerkracht.core import search
from veerkracht.core.search import Document, Source

from .. import fulltext
from ..models import SearchDocument
from ..models.search import FTS_TABLE

log = logging.getLogger(__name__)
BODY_CHARS = 8000
BATCH = 2000
FTS_DELETE = f"DELETE FROM {FTS_TABLE} WHERE rowid = %s"  # noqa: S608 - a constant table name
FTS_INSERT = f"INSERT INTO {FTS_TABLE} (rowid, title, body, tags) VALUES (%s, %s, %s, %s)"  # noqa: S608


def _moment(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _row_values(source: Source, obj, document: Document) -> dict:
    region = source.region_of(obj)
    return {
        "region_id": getattr(region, "pk", region),
        "title": str(document.title)[:300],
        "summary": str(document.summary or "")[:500],
        "body": str(document.body or "")[:BODY_CHARS],
        "url": document.url[:500],
        "date": _moment(document.date),
        "municipality_code": document.municipality_code or "",
        "subregion": document.subregion or "",
        "dimensions": document.dimensions or 0,
        "themes": document.themes or 0,
        "image_url": (document.image_url or "")[:500],
        "extra": dict(document.extra or {}),
    }


# PostgreSQL: the words ('dutch' configuration, title weight A, summary and body weight B) and the
# filter tags ('simple') of many rows in one statement.
POSTGRES_WORDS = (
    "UPDATE community_searchdocument d SET "
    "search_vector = setweight(to_tsvector('dutch', w.title), 'A') "
    "|| setweight(to_tsvector('dutch', w.body), 'B'), "
    "search_tags = to_tsvector('simple', w.tags) "
    "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS w(id, title, body, tags) "
    "WHERE d.id = w.id"
)


def _tags(row: SearchDocument) -> str:
    return fulltext.tags(
        region_id=row.region_id,
        municipality_code=row.municipality_code,
        subregion=row.subregion,
        themes=row.themes,
        dimensions=row.dimensions,
    )


def postgres_words_write(rows: list[SearchDocument]) -> None:
    """Write the tsvectors of these index rows (PostgreSQL)."""
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        with connection.cursor() as cursor:
            cursor.execute(
                POSTGRES_WORDS,
                [
                    [r.pk for r in batch],
                    [fulltext.fold(r.title) for r in batch],
                    [fulltext.fold(f"{r.summary} {r.body}") for r in batch],
                    [_tags(r) for r in batch],
                ],
            )


def fts_values(row: SearchDocument) -> tuple:
    """One FTS5 row for an index row: (rowid with the kind, title stems, body stems, filter tags)."""
    return (
        fulltext.fts_rowid(row.kind, row.pk),
        fulltext.stemmed_text(row.title),
        fulltext.stemmed_text(f"{row.summary} {row.body}"),
        _tags(row),
    )


def _fts_write(rows: list[SearchDocument]) -> None:
    """Put the rows' stems and tags in SQLite's FTS5 table (replacing what was there)."""
    with connection.cursor() as cursor:
        cursor.executemany(FTS_DELETE, [(fulltext.fts_rowid(r.kind, r.pk),) for r in rows])
        cursor.executemany(FTS_INSERT, [fts_values(r) for r in rows])


def _fts_delete(kind: str, ids: list[int]) -> None:
    if connection.vendor == "sqlite" and ids:
        with connection.cursor() as cursor:
            cursor.executemany(FTS_DELETE, [(fulltext.fts_rowid(kind, pk),) for pk in ids])


def _words_written(rows: list[SearchDocument]) -> None:
    if connection.vendor == "sqlite":
        _fts_write(rows)
    elif connection.vendor == "postgresql":
        postgres_words_write(rows)


@transaction.atomic
def search_index(*, source: Source, obj) -> SearchDocument | None:
    """(Re)index one object; remove it from the index when it must not be found (document is None)."""
    document = source.document(obj)
    if document is None:
        search_remove(source=source, object_id=obj.pk)
        return None
    row, _created = SearchDocument.objects.update_or_create(
        kind=source.key, object_id=obj.pk, defaults=_row_values(source, obj, document)
    )
    _words_written([row])
    return row


@transaction.atomic
def search_remove(*, source: Source, object_id: int) -> int:
    ids = list(
        SearchDocument.objects.filter(kind=source.key, object_id=object_id).values_list("pk", flat=True)
    )
    if not ids:
        return 0
    _fts_delete(source.key, ids)
    SearchDocument.objects.filter(pk__in=ids).delete()
    return len(ids)


def search_rebuild(*, region, kinds: list[str] | None = None) -> dict[str, int]:
    """Index every object of every source (or of `kinds`) in `region` anew: {kind: documents}."""
    counts = {}
    for source in search.sources():
        if kinds and source.key not in kinds:
            continue
        counts[source.key] = _rebuild_source(source, region)
    return counts


@transaction.atomic
def _rebuild_source(source: Source, region) -> int:
    SearchDocument.objects.filter(kind=source.key, region=region).delete()
    if connection.vendor == "sqlite":
        # Every FTS5 row of this kind without its index row (also ones a bulk delete left behind).
        low, high = fulltext.kind_rowids(source.key)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid BETWEEN %s AND %s "  # noqa: S608 - a constant
                f"AND (rowid & {fulltext.ID_MASK}) NOT IN (SELECT id FROM community_searchdocument)",
                [low, high],
            )
    rows = []
    for obj in source.objects(region):
        document = source.document(obj)
        if document is not None:
            rows.append(
                SearchDocument(kind=source.key, object_id=obj.pk, **_row_values(source, obj, document))
            )
    created = []
    for start in range(0, len(rows), BATCH):
        created += SearchDocument.objects.bulk_create(rows[start : start + BATCH])
    if created and created[0].pk is None:  # backends that do not return ids
        created = list(SearchDocument.objects.filter(kind=source.key, region=region))
    _words_written(created)
    return len(created)


# --- Following every write of the registered models ----------------------------------------------


def _saved(source: Source):
    def receiver(sender, instance, raw=False, **kwargs):
        if not raw:  # fixtures loading: the rebuild indexes them
            search_index(source=source, obj=instance)

    return receiver


def _deleted(source: Source):
    def receiver(sender, instance, **kwargs):
        search_remove(source=source, object_id=instance.pk)

    return receiver


def _followed(source: Source, related):
    def receiver(sender, instance, raw=False, **kwargs):
        if raw:
            return
        for obj in related(instance) or ():
            if obj is not None and obj.pk is not None:
                search_index(source=source, obj=obj)

    return receiver


_receivers: list = []  # signals hold receivers weakly: keep them alive


def connect_sources() -> None:
    """Connect post_save/post_delete of every source's model (and the models it follows)."""
    for source in search.sources():
        model = apps.get_model(source.model)
        for signal, make in ((post_save, _saved), (post_delete, _deleted)):
            receiver = make(source)
            _receivers.append(receiver)
            signal.connect(receiver, sender=model, dispatch_uid=f"search:{source.key}:{signal is post_save}")
        for n, (label, related) in enumerate(source.follows):
            receiver = _followed(source, related)
            _receivers.append(receiver)
            for signal in (post_save, post_delete):
                signal.connect(
                    receiver,
                    sender=apps.get_model(label),
                    dispatch_uid=f"search:{source.key}:follows:{n}:{signal is post_save}",
                )


def fulltext_ensure(using: str = "default", **kwargs) -> None:
    """The FTS5 table / GIN index exist after every migrate (a migration makes them; this is the
    safety net should the migrations be squashed or regenerated without it)."""
    from django.db import connections

    connection_ = connections[using]
    sql = fulltext.FULLTEXT_SQL.get(connection_.vendor)
    if not sql or "community_searchdocument" not in connection_.introspection.table_names():
        return
    with connection_.cursor() as cursor:
        cursor.execute(sql)
        if connection_.vendor == "postgresql":
            for source in search.sources():
                name = fulltext.kind_index_name(source.key)
                cursor.execute(fulltext.FULLTEXT_KIND_SQL.format(name=name), [source.key])
        if connection_.vendor == "sqlite":
            # A flush (tests) empties the model tables, not the FTS5 table: drop what it kept.
            cursor.execute("SELECT EXISTS (SELECT 1 FROM community_searchdocument)")
            if not cursor.fetchone()[0]:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608 - a constant


def fulltext_compact(**kwargs) -> None:
    """After an account is deleted: SQLite's FTS5 keeps a deleted row's words in its index segments
    until they are merged, so merge them now ("optimize"); then no word of the person is left anywhere
    in the database. PostgreSQL keeps the words in the row itself, which is gone."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608


def connect_account_deletion() -> None:
    post_delete.connect(fulltext_compact, sender=settings.AUTH_USER_MODEL, dispatch_uid="search:compact")


def connect_migrate(sender) -> None:
    post_migrate.connect(fulltext_ensure, sender=sender, dispatch_uid="search:fulltext")
