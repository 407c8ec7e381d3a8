"""Reading the search index: one query for a page of results grouped by kind, with the count per kind.

`filters` is a plain mapping with any of: ``kind`` (a Source key: only that kind, paginated),
``subregion`` (a subregion slug), ``municipality`` (a CBS code), ``theme`` (a THEMES key) and
``dimension`` (a DIMENSIONS key). Without a kind, every kind shows its best `per_kind` results and a
"meer" link; with a kind, one page of `per_page` results of that kind. A place filter also finds what is
for the whole region (no municipality or subregion). Ranking: PostgreSQL's ts_rank / SQLite's bm25,
title words weighing more than body words, newer first among equals.
"""

# The SQL below is put together from constants and placeholders only; every value is a parameter.
# ruff: noqa: S608

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

    @property
    def count_label(self) -> str:
        return f"{COUNT_CAP}+" if self.count > COUNT_CAP else str(self.count)


@dataclass
class Results:
    query: fulltext.Query
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def total_label(self) -> str:
        capped = any(group.count > COUNT_CAP for group in self.groups)
        return f"{self.total}+" if capped else str(self.total)


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


# The best by rank (title words weigh more than the body's) among the newest CANDIDATES matches of a
# kind, then the older matches newest first. Ranking every match of a word that is in a fifth of
# 200,000 texts costs hundreds of milliseconds; this stays within tens, and what is new on a
# community site is what people look for.
CANDIDATES = 200
# PostgreSQL reads a row for every match it counts (its GIN index cannot count alone): counts stop
# above this number and show as "more than" (SQLite counts from its FTS5 index, exactly).
COUNT_CAP = 1000


def _run(query, region, filters, searched: list[str], shown: list[str], first: int, last: int):
    """Rows (kind, count of that kind, position, *COLUMNS): one per kind with results, and one per hit
    of the kinds `shown` at positions first < n <= last."""
    if connection.vendor == "postgresql":
        return _run_postgres(query, region, filters, searched, shown, first, last)
    return _run_sqlite(query, region, filters, searched, shown, first, last)


def _run_postgres(query, region, filters, searched: list[str], shown: list[str], first: int, last: int):
    """One statement: the count per kind (up to COUNT_CAP), then for every kind shown the rows wanted:
    the best by ts_rank among the newest CANDIDATES matches, then the older ones newest first."""
    where, where_params = _where(region, filters)
    columns = ", ".join(f"d.{c}" for c in COLUMNS)
    shown_marks = ", ".join(["%s"] * len(shown))
    inner_where = " AND ".join(w.replace("d.", "x.") for w in where)
    count_where = " AND ".join(w.replace("d.", "y.") for w in where)
    kind_values = ", ".join(["(%s)"] * len(searched))
    # The words once, in a CTE. (Put as a constant in every place, the planner reads the newest rows
    # backwards for a common word: fast without filters, but seconds with a rare filter.)
    tsq = "q.q"
    ranked = (
        f"SELECT x.id, ts_rank(x.search_vector, {tsq}) AS score, 0 AS part FROM community_searchdocument x "
        f"WHERE x.kind = c.kind AND x.search_vector @@ {tsq} AND {inner_where} "
        f"ORDER BY x.id DESC LIMIT {CANDIDATES}"
    )
    older = (
        "SELECT x.id, 0.0 AS score, 1 AS part FROM community_searchdocument x "
        f"WHERE x.kind = c.kind AND x.search_vector @@ {tsq} AND {inner_where} "
        f"ORDER BY x.id DESC LIMIT {max(last - CANDIDATES, 0)} OFFSET {CANDIDATES}"
    )
    union = f"({ranked})" + (f" UNION ALL ({older})" if last > CANDIDATES else "")
    sql = f"""
        WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('dutch', %s) AS q),
        counts AS MATERIALIZED (
            SELECT k.kind, (
                SELECT COUNT(*) FROM (
                    SELECT 1 FROM community_searchdocument y, q
                    WHERE y.kind = k.kind AND y.search_vector @@ {tsq} AND {count_where}
                    ORDER BY y.id DESC LIMIT {COUNT_CAP + 1}
                ) s
            ) AS total
            FROM (VALUES {kind_values}) k(kind)
        )
        SELECT c.kind, c.total, h.n, {columns}
        FROM counts c
        LEFT JOIN LATERAL (
            SELECT id, n FROM (
                SELECT u.id, ROW_NUMBER() OVER (ORDER BY u.part, u.score DESC, u.id DESC) AS n
                FROM q, LATERAL ({union}) u
                WHERE c.kind IN ({shown_marks})
            ) numbered WHERE n > %s AND n <= %s
        ) h ON TRUE
        LEFT JOIN community_searchdocument d ON d.id = h.id
        WHERE c.total > 0
        ORDER BY c.kind, h.n
    """
    text = fulltext.postgres_query_text(query)
    params = [text, *where_params, *searched, *where_params]
    if last > CANDIDATES:
        params += where_params
    params += [*shown, first, last]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _sqlite_match(query, region, filters) -> str:
    # No region token: an installation serves one region (settings.VEERKRACHT_REGION), and matching a
    # token that every row has doubles the work; the rows shown are checked against the region.
    tags = fulltext.tags_filter(
        subregion=str(filters.get("subregion") or ""),
        municipality=str(filters.get("municipality") or ""),
        theme_bit=THEMES.bits.get(filters.get("theme") or "", 0),
        dimension_bit=DIMENSIONS.bits.get(filters.get("dimension") or "", 0),
    )
    return fulltext.fts5_match(query, tags)


def _sqlite_counts(match: str, searched: list[str]) -> dict[str, int]:
    """Matches per kind, read from the FTS5 index alone (the kind is in the rowid's high bits)."""
    numbers = {fulltext.kind_number(kind): kind for kind in searched}
    sql = (
        f"SELECT rowid >> {fulltext.KIND_SHIFT}, COUNT(*) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s GROUP BY 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match])
        return {numbers[number]: total for number, total in cursor.fetchall() if number in numbers}


def _sqlite_kind_sql(first: int, last: int) -> str:
    """The rowids at positions first < n <= last of one kind (parameters: match, low, high, twice)."""
    fts = FTS_TABLE
    ranked = (
        f"SELECT rowid AS id, -bm25({fts}, 10.0, 1.0, 0.0) AS score, 0 AS part FROM {fts} "
        f"WHERE {fts} MATCH %s AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT {CANDIDATES}"
    )
    older = (
        f"SELECT rowid AS id, 0.0 AS score, 1 AS part FROM {fts} WHERE {fts} MATCH %s "
        f"AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT {last - CANDIDATES} OFFSET {CANDIDATES}"
    )
    union = f"SELECT * FROM ({ranked})" + (f" UNION ALL SELECT * FROM ({older})" if last > CANDIDATES else "")
    return (
        "SELECT * FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY part, score DESC, id DESC) AS n "
        f"FROM ({union})) WHERE n > {first} AND n <= {last}"
    )


def _run_sqlite(query, region, filters, searched: list[str], shown: list[str], first: int, last: int):
    """Two statements: the counts per kind, then the rows wanted of every kind shown that has any."""
    match = _sqlite_match(query, region, filters)
    counts = _sqlite_counts(match, searched)
    wanted = [kind for kind in shown if counts.get(kind)]
    rows = [(kind, total, None, *([None] * len(COLUMNS))) for kind, total in counts.items()]
    if not wanted:
        return rows
    parts, params = [], []
    for kind in wanted:
        low, high = fulltext.kind_rowids(kind)
        parts.append(f"SELECT %s AS kind, id, n FROM ({_sqlite_kind_sql(first, last)})")
        params += [kind, match, low, high] + ([match, low, high] if last > CANDIDATES else [])
    columns = ", ".join(f"d.{c}" for c in COLUMNS)
    sql = (
        f"SELECT h.kind, h.n, {columns} FROM ({' UNION ALL '.join(parts)}) h "
        f"JOIN community_searchdocument d ON d.id = (h.id & {fulltext.ID_MASK}) "
        f"WHERE d.region_id = %s ORDER BY h.kind, h.n"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, region.pk])
        found = cursor.fetchall()
    return rows + [(row[0], counts[row[0]], row[1], *row[2:]) for row in found]


def _hit(row, stems: set[str]) -> Hit:
    values = dict(zip(COLUMNS, row[3:], strict=True))
    # The summary, unless only the body has the words: then the part of the body around them (the
    # summary is often the body's beginning, so the two are never put together).
    summary, body = values["summary"], values["body"]
    text = body if body and not _mentions(summary, stems) and _mentions(body, stems) else summary or body
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
        low, high = fulltext.kind_rowids(kind)
        docs = docs.filter(
            id__in=RawSQL(  # noqa: S611 - constants; the words are a parameter
                f"SELECT rowid & {fulltext.ID_MASK} FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid BETWEEN %s AND %s",
                [fulltext.fts5_match(query), low, high],
            )
        )
    return docs.values("object_id")
