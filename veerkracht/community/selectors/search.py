"""Reading the search index: one query for a page of results grouped by kind, with the count per kind.

`filters` is a plain mapping with any of: ``kind`` (a Source key: only that kind, paginated),
``subregion`` (a subregion slug), ``municipality`` (a CBS code), ``theme`` (a THEMES key) and
``dimension`` (a DIMENSIONS key). Without a kind, every kind shows its best `per_kind` results and a
"meer" link; with a kind, one page of `per_page` results of that kind. A place filter also finds what is
for the whole region (no municipality or subregion). Ranking: PostgreSQL's ts_rank / SQLite's bm25,
title words weighing more than body words, newer first among equals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from veerkracht.core import search
from veerkracht.core.search import Source
from veerkracht.core.vocabulary import DIMENSIONS, THEMES

from .. import fulltext
from ..models import SearchDocument
from ..models.search import FTS_TABLE

Filters = Mapping[str, Any]
PER_KIND = 3
PER_PAGE = 20
MAX_PAGE = 500
COLUMNS = ("id", "kind", "object_id", "title", "summary", "body", "url", "date", "image_url")


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    date: Any
    image_url: str
    snippet: SafeString


@dataclass
class Group:
    source: Source
    count: int
    hits: list[Hit] = field(default_factory=list)
    page: Page | None = None

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def label(self) -> str:
        return str(self.source.label)


@dataclass
class Results:
    query: fulltext.Query
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)


def sources_by_key() -> dict[str, Source]:
    return {source.key: source for source in search.sources()}


def _where(region, filters: Filters) -> tuple[list[str], list]:
    where, params = ["d.region_id = %s"], [region.pk]
    if filters.get("subregion"):
        where.append("(d.subregion = %s OR (d.subregion = '' AND d.municipality_code = ''))")
        params.append(str(filters["subregion"]))
    if filters.get("municipality"):
        where.append("(d.municipality_code = %s OR (d.subregion = '' AND d.municipality_code = ''))")
        params.append(str(filters["municipality"]))
    for key, flags, column in (("theme", THEMES, "themes"), ("dimension", DIMENSIONS, "dimensions")):
        bit = flags.bits.get(filters.get(key) or "")
        if bit:
            where.append(f"(d.{column} & %s) != 0")
            params.append(bit)
    return where, params


def _match(query: fulltext.Query) -> tuple[str, str, str, list]:
    """(FROM, WHERE, score expression, params) of the words, for this database."""
    if connection.vendor == "postgresql":
        return (
            "community_searchdocument d, websearch_to_tsquery('dutch', %s) q",
            "d.search_vector @@ q",
            "ts_rank(d.search_vector, q)",
            [fulltext.postgres_query_text(query)],
        )
    return (
        f"{FTS_TABLE} f JOIN community_searchdocument d ON d.id = f.rowid",
        f"{FTS_TABLE} MATCH %s",
        f"-bm25({FTS_TABLE}, 10.0, 1.0)",
        [fulltext.fts5_match(query)],
    )


def _run(query, region, filters, searched: list[str], shown: list[str], first: int, last: int):
    source, match, score, params = _match(query)
    where, where_params = _where(region, filters)
    columns = ", ".join(f"d.{c}" for c in COLUMNS)
    searched_marks = ", ".join(["%s"] * len(searched))
    shown_marks = ", ".join(["%s"] * len(shown))
    # Only constants and placeholders are put into the text; every value is a parameter.
    sql = f"""
        WITH hits AS MATERIALIZED (
            SELECT d.id, d.kind, d.date, {score} AS score FROM {source}
            WHERE {match} AND d.kind IN ({searched_marks}) AND {" AND ".join(where)}
        ),
        ranked AS (
            SELECT id, kind, ROW_NUMBER() OVER (
                PARTITION BY kind ORDER BY score DESC, date DESC, id DESC) AS n
            FROM hits WHERE kind IN ({shown_marks})
        ),
        counts AS (SELECT kind, COUNT(*) AS total FROM hits GROUP BY kind)
        SELECT c.kind, c.total, r.n, {columns}
        FROM counts c
        LEFT JOIN ranked r ON r.kind = c.kind AND r.n > %s AND r.n <= %s
        LEFT JOIN community_searchdocument d ON d.id = r.id
        ORDER BY c.kind, r.n
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *searched, *where_params, *shown, first, last])
        return cursor.fetchall()


def _hit(row, stems: set[str]) -> Hit:
    values = dict(zip(COLUMNS, row[3:], strict=True))
    text = (
        values["summary"] if _mentions(values["summary"], stems) else f"{values['summary']} {values['body']}"
    )
    return Hit(
        kind=values["kind"],
        title=values["title"],
        url=values["url"],
        date=values["date"],
        image_url=values["image_url"],
        snippet=mark_safe(fulltext.highlight(text, stems)),  # noqa: S308 - highlight() escapes
    )


def _mentions(text: str, stems: set[str]) -> bool:
    return any(stem in stems for stem in fulltext.stems(text or ""))


def _page_number(number) -> int:
    try:
        return min(max(int(str(number)[:6]), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def search_site(
    region,
    text: str,
    filters: Filters | None = None,
    page=1,
    *,
    per_kind: int = PER_KIND,
    per_page: int = PER_PAGE,
) -> Results:
    """Results for what someone typed, grouped by kind in the sources' order; one database query
    (two when the page asked for lies past the last one)."""
    filters = filters or {}
    query = fulltext.parse(text)
    known = sources_by_key()
    if query.is_empty or not known:
        return Results(query=query, groups=[])
    kind = filters.get("kind") if filters.get("kind") in known else ""
    searched = list(known)
    shown = [kind] if kind else searched
    size = per_page if kind else per_kind
    number = _page_number(page) if kind else 1
    rows = _run(query, region, filters, searched, shown, (number - 1) * size, number * size)
    if kind and number > 1 and not any(r[0] == kind and r[2] for r in rows):
        total = next((r[1] for r in rows if r[0] == kind), 0)
        number = max(1, -(-total // size))
        rows = _run(query, region, filters, searched, shown, (number - 1) * size, number * size)
    return _grouped(query, rows, known, kind, number, size)


def _grouped(query, rows, known: dict[str, Source], kind: str, number: int, size: int) -> Results:
    stems = query.stems
    groups: dict[str, Group] = {}
    for row in rows:
        group = groups.setdefault(row[0], Group(source=known[row[0]], count=row[1]))
        if row[2] is not None:
            group.hits.append(_hit(row, stems))
    ordered = [groups[key] for key in known if key in groups]
    if kind and kind in groups:
        group = groups[kind]
        group.page = Paginator(range(group.count), size).get_page(number)
    return Results(query=query, groups=ordered)


# --- For other apps' list searches (core.search.matching_ids) ------------------------------------


def matching_ids(kind: str, region, text: str) -> QuerySet | None:
    """Primary keys of the objects of `kind` in `region` matching `text` (a subquery for pk__in), or
    None when the text holds no word to look for."""
    query = fulltext.parse(text)
    if query.is_empty:
        return None
    docs = SearchDocument.objects.filter(kind=kind, region_id=getattr(region, "pk", region))
    if connection.vendor == "postgresql":
        words = SearchQuery(fulltext.postgres_query_text(query), config="dutch", search_type="websearch")
        docs = docs.filter(search_vector=words)
    else:
        docs = docs.filter(
            id__in=RawSQL(  # noqa: S611 - a constant table name; the words are a parameter
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [fulltext.fts5_match(query)],
            )
        )
    return docs.values("object_id")
