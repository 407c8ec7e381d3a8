"""Reading the search index: a page of results grouped by kind, with the exact count per kind (two
queries: the counts, then the rows shown).

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

import json
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
    # PostgreSQL: a count of many matches is the planner's estimate (see _postgres_counts).
    approximate: bool = False

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

    @property
    def approximate(self) -> bool:
        return any(group.approximate for group in self.groups)


def sources_by_key() -> dict[str, Source]:
    return {source.key: source for source in search.sources()}


# The best by rank (title words weigh more than the body's) among the newest CANDIDATES matches of a
# kind, then the older matches newest first. Ranking every match of a word that is in a fifth of
# 200,000 texts costs hundreds of milliseconds; this stays within tens, and what is new on a
# community site is what people look for.
CANDIDATES = 200
# PostgreSQL reads a table row for every match it counts or collects through a GIN index (to see
# whether the row is visible), a few microseconds each. So a kind the planner expects more than
# EXACT_UP_TO matches of is not counted: the count shown is the planner's estimate ("ongeveer"), which
# is close for words (not for phrases, which are always counted). And the best matches of a kind are
# collected in the cheaper of two ways: all M matches from the kind's GIN index, or its N rows newest
# first along the (kind, id) index, checking each, until the C candidates are found (about C * N / M
# rows). The second is cheaper when M > sqrt(C * N).
EXACT_UP_TO = 500
OVERVIEW_CANDIDATES = 50  # the overview shows the best 3 of each kind among its newest 50 matches


def _run(query, region, filters, searched, shown, first: int, last: int, exact=()) -> tuple[list, set]:
    """Rows (kind, count of that kind, position, *COLUMNS): one per kind with results, and one per hit
    of the kinds `shown` at positions first < n <= last; and the kinds whose count is an estimate
    (never those in `exact`)."""
    if connection.vendor == "postgresql":
        return _run_postgres(query, region, filters, searched, shown, first, last, set(exact))
    return _run_sqlite(query, region, filters, searched, shown, first, last), set()


def _filter_bits(filters: Filters) -> dict:
    return {
        "subregion": str(filters.get("subregion") or ""),
        "municipality": str(filters.get("municipality") or ""),
        "theme_bit": THEMES.bits.get(filters.get("theme") or "", 0),
        "dimension_bit": DIMENSIONS.bits.get(filters.get("dimension") or "", 0),
    }


# No region condition in the counts (as on SQLite): an installation serves one region
# (settings.VEERKRACHT_REGION), and a condition on a column of the row would make PostgreSQL read every
# matching row instead of counting from the index; the rows shown are checked against the region.
_PG_WORDS = "websearch_to_tsquery('dutch', %s)"
_PG_TAGS = "to_tsquery('simple', %s)"


def _postgres_match(alias: str, tags: str, *, dense: bool) -> str:
    """The word (and tag) conditions; "IS TRUE" keeps PostgreSQL from using a GIN index for them, so a
    dense kind is read along its (kind, id) index, newest first, up to the LIMIT."""
    parts = [f"{alias}.search_vector @@ {_PG_WORDS}"]
    if tags:
        parts.append(f"{alias}.search_tags @@ {_PG_TAGS}")
    return " AND ".join(f"({part}) IS TRUE" if dense else part for part in parts)


def _postgres_estimates(text: str, tags: str, kinds: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """The planner's estimates (one EXPLAIN, nothing is read) of the matches of every kind and of the
    rows of every kind; ({}, {}) when the plan has not the expected shape."""
    match = _postgres_match("y", tags, dense=False)
    matches = [f"SELECT 1 FROM community_searchdocument y WHERE y.kind = %s AND {match}"] * len(kinds)
    rows = ["SELECT 1 FROM community_searchdocument y WHERE y.kind = %s"] * len(kinds)
    params = [value for kind in kinds for value in (kind, text, *([tags] if tags else []))] + kinds
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {' UNION ALL '.join(matches + rows)}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    top = plan[0]["Plan"]
    members = top.get("Plans", []) if top.get("Node Type") == "Append" else [top]
    if len(members) != 2 * len(kinds):
        return {}, {}
    numbers = [int(member.get("Plan Rows", 0)) for member in members]
    return dict(zip(kinds, numbers[: len(kinds)], strict=True)), dict(
        zip(kinds, numbers[len(kinds) :], strict=True)
    )


def _rounded(estimate: int) -> int:
    """An estimate to two significant digits (7037 -> 7000)."""
    unit = 10 ** max(len(str(estimate)) - 2, 0)
    return round(estimate / unit) * unit


def _postgres_counts(text: str, tags: str, searched: list[str], estimated: set[str]) -> dict[str, int]:
    """Matches per kind: the planner's estimate for the kinds `estimated`, the others counted from the
    kind's own GIN index (fulltext.FULLTEXT_KIND_SQL)."""
    counts = {}
    parts, params = [], []
    for kind in searched:
        if kind in estimated:
            continue
        parts.append(
            "SELECT %s, (SELECT COUNT(*) FROM community_searchdocument y "
            f"WHERE y.kind = %s AND {_postgres_match('y', tags, dense=False)})"
        )
        params += [kind, kind, text] + ([tags] if tags else [])
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            counts.update(cursor.fetchall())
    return counts


def _postgres_kind_sql(tags: str, *, dense: bool, first: int, last: int, candidates: int) -> str:
    """The ids at positions first < n <= last of one kind (parameters: kind, text[, tags], twice)."""
    match = _postgres_match("x", tags, dense=dense)
    ranked = (
        f"SELECT x.id, ts_rank(x.search_vector, {_PG_WORDS}) AS score, 0 AS part "
        f"FROM community_searchdocument x WHERE x.kind = %s AND {match} "
        f"ORDER BY x.id DESC LIMIT {candidates}"
    )
    older = (
        "SELECT x.id, 0.0 AS score, 1 AS part FROM community_searchdocument x "
        f"WHERE x.kind = %s AND {match} ORDER BY x.id DESC LIMIT {last - candidates} OFFSET {candidates}"
    )
    union = f"({ranked})" + (f" UNION ALL ({older})" if last > candidates else "")
    return (
        "SELECT id, n FROM (SELECT u.id, ROW_NUMBER() OVER (ORDER BY u.part, u.score DESC, u.id DESC) "
        f"AS n FROM ({union}) u) numbered WHERE n > {first} AND n <= {last}"
    )


def _run_postgres(query, region, filters, searched, shown, first: int, last: int, exact: set[str]):
    """Three statements: the estimates, the counts per kind, then the rows wanted of every kind shown
    that has any."""
    text = fulltext.postgres_query_text(query)
    tags = fulltext.tags_tsquery(**_filter_bits(filters))
    matches, sizes = _postgres_estimates(text, tags, searched)
    # A phrase's estimate is that of its words together, often far too high: phrases are counted.
    phrase = any(len(p) > 1 for group in query.groups for p in group.must + group.must_not)
    estimated = set() if phrase else {k for k, m in matches.items() if m > EXACT_UP_TO and k not in exact}
    counts = {kind: _rounded(matches[kind]) for kind in estimated}
    counts.update(_postgres_counts(text, tags, searched, estimated))
    counts = {kind: total for kind, total in counts.items() if total}
    rows = [(kind, total, None, *([None] * len(COLUMNS))) for kind, total in counts.items()]
    wanted = [kind for kind in shown if counts.get(kind)]
    if not wanted:
        return rows, estimated
    candidates = CANDIDATES if len(shown) == 1 else OVERVIEW_CANDIDATES
    parts, params = [], []
    tag_params = [tags] if tags else []
    for kind in wanted:
        dense = not phrase and counts[kind] ** 2 > candidates * sizes.get(kind, 0)
        sql = _postgres_kind_sql(tags, dense=dense, first=first, last=last, candidates=candidates)
        parts.append(f"SELECT %s AS kind, id, n FROM ({sql}) k")
        params += [kind, text, kind, text, *tag_params]
        if last > candidates:
            params += [kind, text, *tag_params]
    columns = ", ".join(f"d.{c}" for c in COLUMNS)
    sql = (
        f"SELECT h.kind, h.n, {columns} FROM ({' UNION ALL '.join(parts)}) h "
        "JOIN community_searchdocument d ON d.id = h.id WHERE d.region_id = %s ORDER BY h.kind, h.n"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, region.pk])
        found = cursor.fetchall()
    return rows + [(row[0], counts[row[0]], row[1], *row[2:]) for row in found], estimated


def _sqlite_match(query, region, filters) -> str:
    # No region token: an installation serves one region (settings.VEERKRACHT_REGION), and matching a
    # token that every row has doubles the work; the rows shown are checked against the region.
    return fulltext.fts5_match(query, fulltext.tags_filter(**_filter_bits(filters)))


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


def _sqlite_candidates_sql(candidates: int) -> str:
    """The newest `candidates` matches of one kind with their stems (parameters: kind, match, low, high)."""
    fts = FTS_TABLE
    return (
        f"SELECT * FROM (SELECT %s, rowid, title, body, tags FROM {fts} WHERE {fts} MATCH %s "
        f"AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT {candidates})"
    )


def _sqlite_older_sql(candidates: int, last: int) -> str:
    """The matches of one kind after its candidates, newest first, up to position `last`."""
    fts = FTS_TABLE
    return (
        f"SELECT * FROM (SELECT %s, rowid, '', '', '' FROM {fts} WHERE {fts} MATCH %s AND rowid BETWEEN "
        f"%s AND %s ORDER BY rowid DESC LIMIT {last - candidates} OFFSET {candidates})"
    )


def _sqlite_idfs(phrases: list[tuple[str, ...]]) -> list[float]:
    """Each phrase's weight by how many rows hold it (one statement); with one phrase the weight does
    not change the order, so nothing is counted."""
    if len(phrases) < 2:
        return [1.0] * len(phrases)
    count = f"(SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
    sql = f"SELECT (SELECT MAX(id) FROM community_searchdocument), {', '.join([count] * len(phrases))}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [f'{{title body}} : "{" ".join(phrase)}"' for phrase in phrases])
        rows, *holding = cursor.fetchone()
    return [fulltext.idf(rows or 0, n) for n in holding]


def _sqlite_positions(query, match: str, wanted: list[str], first: int, last: int, candidates: int) -> list:
    """(kind, rowid, position) of the hits at positions first < n <= last of every kind wanted: its
    newest `candidates` matches by rank (title words weigh more than the body's), then older ones."""
    parts, params = [], []
    for kind in wanted:
        low, high = fulltext.kind_rowids(kind)
        parts.append(_sqlite_candidates_sql(candidates))
        params += [kind, match, low, high]
        if last > candidates:
            parts.append(_sqlite_older_sql(candidates, last))
            params += [kind, match, low, high]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        found = cursor.fetchall()
    phrases = fulltext.positive_phrases(query)
    scores = fulltext.bm25([row[2:] for row in found], phrases, _sqlite_idfs(phrases))
    per_kind: dict[str, list] = {}
    for row, score in zip(found, scores, strict=True):
        older = not (row[2] or row[3] or row[4])
        per_kind.setdefault(row[0], []).append((older, -score, -row[1], row[1]))
    positions = []
    for kind, hits in per_kind.items():
        ordered = sorted(hits)
        positions += [(kind, hit[3], n) for n, hit in enumerate(ordered, start=1) if first < n <= last]
    return positions


def _run_sqlite(query, region, filters, searched: list[str], shown: list[str], first: int, last: int):
    """Three statements (four for a search with several phrases): the counts per kind, the candidates
    of every kind shown that has any, then the rows shown."""
    match = _sqlite_match(query, region, filters)
    counts = _sqlite_counts(match, searched)
    wanted = [kind for kind in shown if counts.get(kind)]
    rows = [(kind, total, None, *([None] * len(COLUMNS))) for kind, total in counts.items()]
    if not wanted:
        return rows
    candidates = CANDIDATES if len(shown) == 1 else OVERVIEW_CANDIDATES
    positions = _sqlite_positions(query, match, wanted, first, last, candidates)
    if not positions:
        return rows
    ids = [rowid & fulltext.ID_MASK for _kind, rowid, _n in positions]
    columns = ", ".join(f"d.{c}" for c in COLUMNS)
    sql = (
        f"SELECT {columns} FROM community_searchdocument d WHERE d.region_id = %s "
        f"AND d.id IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [region.pk, *ids])
        documents = {row[0]: row for row in cursor.fetchall()}
    shown_rows = [
        (kind, counts[kind], n, *documents[pk])
        for (kind, _rowid, n), pk in zip(positions, ids, strict=True)
        if pk in documents
    ]
    return rows + sorted(shown_rows, key=lambda row: (row[0], row[2]))


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
    return fulltext.mentions(text, stems)


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
    """Results for what someone typed, grouped by kind in the sources' order; three or four database
    queries on SQLite, three on PostgreSQL (more when the page asked for lies past the last one)."""
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
    rows, approximate = _run(query, region, filters, searched, shown, (number - 1) * size, number * size)
    if kind and number > 1 and not any(r[0] == kind and r[2] for r in rows):
        # Past the last page (an estimated count may have promised more): count this kind exactly.
        rows, approximate = _run(query, region, filters, searched, shown, 0, 0, exact={kind})
        total = next((r[1] for r in rows if r[0] == kind), 0)
        number = max(1, -(-total // size))
        rows, approximate = _run(
            query, region, filters, searched, shown, (number - 1) * size, number * size, exact={kind}
        )
    return _grouped(query, rows, known, kind, number, size, approximate)


def _grouped(query, rows, known: dict[str, Source], kind: str, number: int, size: int, approximate=()):
    stems = query.stems
    groups: dict[str, Group] = {}
    for row in rows:
        group = groups.setdefault(
            row[0], Group(source=known[row[0]], count=row[1], approximate=row[0] in approximate)
        )
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
