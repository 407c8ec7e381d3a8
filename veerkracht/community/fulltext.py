"""The words of one search over the site: Dutch text to search terms, the same way on both databases.

PostgreSQL's 'dutch' text search configuration stems with Snowball's (Porter-style) Dutch stemmer and
drops its Dutch stop words; SQLite's FTS5 has no Dutch stemmer, so for SQLite the words are stemmed here
with the very same algorithm (``snowballstemmer``'s ``dutch_porter``) and the same stop words, when the
index is written and when a query is read. Accents are folded on both ("café" finds "cafe").

A query is read as a small websearch language, like PostgreSQL's ``websearch_to_tsquery``: words (all
must be there), ``"een zin"`` (these words in this order), ``-woord`` (not this word) and ``of``/``or``
between alternatives. Everything else (quotes, ``*``, ``NEAR``, parentheses, colons) is only a separator:
the FTS5 query is built from stems that are letters and digits only, each quoted, so no input can break
its syntax.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

import snowballstemmer

# PostgreSQL's tsearch_data/dutch.stop (Snowball's Dutch stop word list).
_STOP_WORDS = """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
    dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb
    hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel
    meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
    wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
OR_WORDS = frozenset({"of", "or"})
MAX_TERMS = 12
MAX_QUERY_CHARS = 300
_WORD = re.compile(r"\w+", re.UNICODE)
_QUERY_PART = re.compile(r'-?"[^"]*"?|[^\s"]+')
_stemmer = snowballstemmer.stemmer("dutch_porter")

# What the database needs for it (also in the migration that makes them): FTS5 on SQLite, with the
# rowid of the index row; a GIN index on the tsvector on PostgreSQL.
FULLTEXT_SQL = {
    "sqlite": (
        "CREATE VIRTUAL TABLE IF NOT EXISTS community_search_fts USING fts5("
        "title, body, tags, tokenize = 'unicode61 remove_diacritics 2')"
    ),
    "postgresql": (
        "CREATE INDEX IF NOT EXISTS search_document_vector ON community_searchdocument "
        "USING gin (search_vector)"
    ),
}


def fold(text: str) -> str:
    """Lower case without accents: "Café Één" -> "cafe een"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


@lru_cache(maxsize=50_000)
def word_stem(word: str) -> str:
    """The stem of one word as written (folded first); what snippets look for."""
    return stem(fold(word))


def mentions(text: str, query_stems: set[str]) -> bool:
    """Whether a text holds a word with one of these stems."""
    return any(word_stem(word) in query_stems for word in _WORD.findall((text or "").replace("_", " ")))


def words(text: str) -> list[str]:
    """The folded words of a text, without stop words (underscores split words too)."""
    return [w for w in _WORD.findall(fold(text).replace("_", " ")) if w not in STOP_WORDS]


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def stemmed_text(text: str) -> str:
    """What the SQLite index keeps of a text: its stems, separated by spaces."""
    return " ".join(stems(text))


@dataclass
class Group:
    """Alternatives of a query are groups: every phrase of a group must be there, no negative one."""

    must: list[tuple[str, ...]] = field(default_factory=list)
    must_not: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Query:
    text: str  # the folded text, for PostgreSQL's websearch_to_tsquery
    groups: list[Group]

    @property
    def is_empty(self) -> bool:
        return not any(group.must for group in self.groups)

    @property
    def stems(self) -> set[str]:
        return {
            stem(w) for group in self.groups for phrase in group.must for w in phrase if w not in STOP_WORDS
        }


def parse(raw: str) -> Query:
    """Read what someone typed; never fails. Words that are only stop words or signs are left out."""
    text = fold(str(raw or ""))[:MAX_QUERY_CHARS]
    groups = [Group()]
    count = 0
    for part in _QUERY_PART.findall(text):
        if part in OR_WORDS:
            if groups[-1].must:
                groups.append(Group())
            continue
        negative = part.startswith("-")
        # Stop words stay inside a phrase (PostgreSQL counts their positions), but a phrase of stop
        # words only is nothing to look for.
        phrase = tuple(_WORD.findall(part.replace("_", " ")))
        if not any(w not in STOP_WORDS for w in phrase) or count >= MAX_TERMS:
            continue
        count += 1
        (groups[-1].must_not if negative else groups[-1].must).append(phrase)
    groups = [group for group in groups if group.must]
    return Query(text=text, groups=groups)


def _fts_phrase(phrase: tuple[str, ...]) -> str:
    # Stems hold letters and digits only (\w): quoting cannot be escaped from.
    return '"' + " ".join(stem(w) for w in phrase if w not in STOP_WORDS) + '"'


def fts5_match(query: Query, tags: str = "") -> str:
    """The FTS5 MATCH expression for a parsed query, in the title and body only, and the filters on
    the tags column (``fts5_tags_filter``), if any."""
    alternatives = []
    for group in query.groups:
        expression = "(" + " AND ".join(_fts_phrase(p) for p in group.must) + ")"
        for phrase in group.must_not:
            expression = f"({expression} NOT {_fts_phrase(phrase)})"
        alternatives.append(expression)
    words = "{title body} : (" + " OR ".join(alternatives) + ")"
    return f"{words} AND {tags}" if tags else words


# --- SQLite: kinds and filters inside the FTS5 table -------------------------------------------
# So that a search for a common word never reads every matching row of the index table, the FTS5 row
# carries what is filtered on: the kind in the high bits of its rowid (counting per kind reads only
# the FTS5 index), and region, place, themes and dimensions as tokens in its "tags" column.

KIND_SHIFT = 40  # index rows' ids stay below 2**40
ID_MASK = (1 << KIND_SHIFT) - 1


def kind_number(kind: str) -> int:
    return zlib.crc32(kind.encode()) & 0x3FFFFF  # 22 bits: rowids stay below 2**62


def fts_rowid(kind: str, pk: int) -> int:
    return (kind_number(kind) << KIND_SHIFT) | pk


def kind_rowids(kind: str) -> tuple[int, int]:
    """The first and last FTS5 rowid of a kind."""
    low = kind_number(kind) << KIND_SHIFT
    return low, low | ID_MASK


def _alnum(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(value))


def tags(*, region_id, municipality_code: str, subregion: str, themes: int, dimensions: int) -> str:
    """The filter tokens of one index row: "r1 mgm0935 snoord t3 d0" ("pall" for the whole region)."""
    parts = [f"r{region_id}"]
    if municipality_code:
        parts.append(f"m{_alnum(municipality_code)}")
    if subregion:
        parts.append(f"s{_alnum(subregion)}")
    if not municipality_code and not subregion:
        parts.append("pall")
    parts += [f"t{bit}" for bit in range(64) if (themes or 0) >> bit & 1]
    parts += [f"d{bit}" for bit in range(32) if (dimensions or 0) >> bit & 1]
    return " ".join(parts)


def tags_filter(
    *, region_id=None, subregion: str = "", municipality: str = "", theme_bit: int = 0, dimension_bit: int = 0
) -> str:
    """The FTS5 expression on the tags column for these filters ("" for none). A place filter also
    finds what is for the whole region."""
    parts = [f"tags : r{int(region_id)}"] if region_id is not None else []
    if subregion:
        parts.append(f"tags : (s{_alnum(subregion)} OR pall)")
    if municipality:
        parts.append(f"tags : (m{_alnum(municipality)} OR pall)")
    if theme_bit:
        parts.append(f"tags : t{theme_bit.bit_length() - 1}")
    if dimension_bit:
        parts.append(f"tags : d{dimension_bit.bit_length() - 1}")
    return " AND ".join(parts)


def tags_tsquery(
    *, subregion: str = "", municipality: str = "", theme_bit: int = 0, dimension_bit: int = 0
) -> str:
    """The same filters for PostgreSQL's ``search_tags`` (a 'simple' tsquery, "" for none): the tokens
    are letters and digits only, so they cannot break its syntax."""
    parts = []
    if subregion:
        parts.append(f"(s{_alnum(subregion)} | pall)")
    if municipality:
        parts.append(f"(m{_alnum(municipality)} | pall)")
    if theme_bit:
        parts.append(f"t{theme_bit.bit_length() - 1}")
    if dimension_bit:
        parts.append(f"d{dimension_bit.bit_length() - 1}")
    return " & ".join(parts)


def kind_index_name(kind: str) -> str:
    """PostgreSQL: the name of a kind's own GIN index (see FULLTEXT_KIND_SQL)."""
    return "search_words_" + re.sub(r"[^a-z0-9_]", "_", kind.lower())[:40]


# PostgreSQL: one GIN index per kind over the words and the filter tags. A search counts the matches
# of a kind from this index alone (no table row is read when the table is vacuumed), and a kind's index
# holds only that kind's rows, so a common word is not read once for every kind.
FULLTEXT_KIND_SQL = (
    "CREATE INDEX IF NOT EXISTS {name} ON community_searchdocument "
    "USING gin (search_vector, search_tags) WHERE kind = %s"
)


def postgres_query_text(query: Query) -> str:
    """The same query in PostgreSQL's websearch syntax, rebuilt from the folded words (which are
    letters and digits only); the 'dutch' configuration stems them."""

    def quoted(phrase: tuple[str, ...]) -> str:
        return f'"{" ".join(phrase)}"' if len(phrase) > 1 else phrase[0]

    alternatives = []
    for group in query.groups:
        parts = [quoted(p) for p in group.must] + [f"-{quoted(p)}" for p in group.must_not]
        alternatives.append(" ".join(parts))
    return " or ".join(alternatives)


_TOKEN = re.compile(r"(\w+)", re.UNICODE)


def highlight(text: str, query_stems: set[str], *, limit: int = 240) -> str:
    """An HTML-safe snippet of `text` around the first word found, the found words in <mark>."""
    text = " ".join((text or "").split())
    pieces = _TOKEN.split(text)
    first = next(
        (i for i, piece in enumerate(pieces) if i % 2 and word_stem(piece) in query_stems),
        None,
    )
    start = 0
    if first is not None and len("".join(pieces[:first])) > limit // 3:
        start = max(0, first - 12)
        start -= start % 2  # keep word/separator parity
    out, length = [], 0
    for i, piece in enumerate(pieces[start:], start=start):
        if length >= limit:
            out.append("…")
            break
        length += len(piece)
        safe = escape(piece)
        if i % 2 and word_stem(piece) in query_stems:
            safe = f"<mark>{safe}</mark>"
        out.append(safe)
    prefix = "…" if start else ""
    return prefix + "".join(out)


# --- SQLite: ranking the candidates -------------------------------------------------------------
# FTS5's bm25() counts, for every statement, the rows holding each phrase of the query over the whole
# index (about 3 ms for a common word in 200,000 texts), so ranking nine kinds in nine statements
# cost more than the rest of a search together. The same formula is computed here over the stored
# stems of the candidates instead: each phrase's row count is taken once, for all kinds.

BM25_K1, BM25_B = 1.2, 0.75
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def positive_phrases(query: Query) -> list[tuple[str, ...]]:
    """The stemmed phrases a row may contain (what bm25 scores), each once."""
    found: dict[tuple[str, ...], None] = {}
    for group in query.groups:
        for phrase in group.must:
            stems_of = tuple(stem(w) for w in phrase if w not in STOP_WORDS)
            if stems_of:
                found.setdefault(stems_of, None)
    return list(found)


def phrase_hits(tokens: list[str], phrase: tuple[str, ...]) -> int:
    size = len(phrase)
    if size == 1:
        return tokens.count(phrase[0])
    return sum(1 for i in range(len(tokens) - size + 1) if tuple(tokens[i : i + size]) == phrase)


def idf(rows: int, holding: int) -> float:
    """FTS5's inverse document frequency (never below a millionth)."""
    value = math.log((rows - holding + 0.5) / (holding + 0.5)) if rows > holding else 0.0
    return max(value, 1e-6)


def bm25(
    candidates: list[tuple[str, str, str]], phrases: list[tuple[str, ...]], idfs: list[float]
) -> list[float]:
    """FTS5's bm25 with the title weighing TITLE_WEIGHT and the body BODY_WEIGHT (tags nothing), for
    (title stems, body stems, tags) of each candidate; the average length is the candidates'."""
    split = [(title.split(), body.split(), len(tags.split())) for title, body, tags in candidates]
    sizes = [len(title) + len(body) + tags for title, body, tags in split]
    average = (sum(sizes) / len(sizes)) if sizes and sum(sizes) else 1.0
    scores = []
    for (title, body, _tags), size in zip(split, sizes, strict=True):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * size / average)
        score = 0.0
        for phrase, weight in zip(phrases, idfs, strict=True):
            freq = TITLE_WEIGHT * phrase_hits(title, phrase) + BODY_WEIGHT * phrase_hits(body, phrase)
            score += weight * freq * (BM25_K1 + 1) / (freq + norm)
        scores.append(score)
    return scores
