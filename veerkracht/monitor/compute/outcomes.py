"""Outcomes from consented webs, in one streamed pass: mean scores, the gap and change for participants.

Per person and period the latest consented web counts, so every cell counts people (not webs) and the
cells of a period add up over areas, age bands and education levels: the snapshot run protects them
together with the other figures about residents (linking.py). Scores are on 0–10.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from veerkracht.core.indicators import outcome_source
from veerkracht.core.vocabulary import DIMENSION_KEYS

from ..models import AreaLevel
from .areas import UNKNOWN, AreaTree
from .periods import Span, span_of

DIMS = len(DIMENSION_KEYS)
MUNICIPALITY = AreaLevel.MUNICIPALITY.value
BAND_EDGES = (4.0, 7.0)  # low < 4 <= middle < 7 <= high
BANDS = ("low", "middle", "high")


@dataclass
class Published:
    value: float | None
    n: int | None
    suppressed: bool
    data: dict | None


def _band(score: float) -> int:
    return 0 if score < BAND_EDGES[0] else 1 if score < BAND_EDGES[1] else 2


def t_quantile_975(df: int) -> float:
    """Student's t for a two-sided 95% interval (Cornish–Fisher expansion; exact to 3 decimals for df ≥ 5)."""
    z = 1.959963984540054
    if df <= 0:
        return math.inf
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


class _Acc:
    """Running sums for one cell: n, then per dimension sum, sum of squares and the three bands."""

    __slots__ = ("bands", "n", "squares", "sums")

    def __init__(self) -> None:
        self.n = 0
        self.sums = [0.0] * DIMS
        self.squares = [0.0] * DIMS
        self.bands = [[0, 0, 0] for _ in range(DIMS)]

    def add_scores(self, scores) -> None:
        self.n += 1
        for i, value in enumerate(scores):
            self.sums[i] += value
            self.squares[i] += value * value
            self.bands[i][_band(value)] += 1

    def merge(self, other: _Acc) -> None:
        self.n += other.n
        for i in range(DIMS):
            self.sums[i] += other.sums[i]
            self.squares[i] += other.squares[i]
            for b in range(3):
                self.bands[i][b] += other.bands[i][b]


def _sd(acc: _Acc, i: int) -> float | None:
    if acc.n < 2:
        return None
    variance = (acc.squares[i] - acc.sums[i] ** 2 / acc.n) / (acc.n - 1)
    return math.sqrt(max(variance, 0.0))


def _rollup(tree: AreaTree, base: dict, categories: dict[str, list[str]], factory=None) -> dict:
    """From (municipality, {breakdown: category}) cells to every published key, zeros included.

    `factory` makes an empty accumulator (score sums by default, or paired differences).
    """
    cells: dict = defaultdict(factory or _Acc)
    for (code, cats), acc in base.items():
        cat_of = dict(cats)
        for area in tree.areas_of(code):
            cells[(*area, "", "")].merge(acc)
            for breakdown in categories:
                cells[(*area, breakdown, cat_of.get(breakdown) or UNKNOWN)].merge(acc)
    for area in tree.all_areas():
        for key in [(*area, "", "")] + [(*area, b, c) for b, cats in categories.items() for c in cats]:
            cells[key]
    return cells


def _published(cells: dict[tuple, object], hidden: set, describe) -> dict[tuple, Published]:
    """A published figure per cell: hidden ones without anything, the others with n and their data."""
    result = {}
    for key, acc in cells.items():
        if key in hidden:
            result[key] = Published(None, None, True, None)
        else:
            result[key] = Published(None, acc.n, False, describe(key, acc) or None)
    return result


def score_cells(tree: AreaTree, base: dict[tuple, _Acc], categories) -> dict[tuple, _Acc]:
    return _rollup(tree, base, categories)


def score_bands(cells: dict[tuple, _Acc]) -> dict[tuple, int]:
    """People per score band: {(cell key, dimension index, band): people}.

    The distribution is published for the totals of the region and its subregions only (`has_bands`):
    not per age band or education level, and not for a municipality, where a few people per band
    would say too much. A municipality's bands are still returned: they are not published, but they
    add up to the subregion's, and the audit must know that."""
    return {
        (key, i, b): acc.bands[i][b]
        for key, acc in cells.items()
        if not key[2]
        for i in range(DIMS)
        for b in range(3)
    }


def score_sums(cells: dict[tuple, _Acc]) -> dict[tuple, tuple[float, None]]:
    """The sum of scores behind the mean of each total with a distribution: {(cell key, dimension
    index): (sum, None)}. Sums are linked to the distribution (a low score is under 4, and so on).
    Other sums are left out of the audit for now: with them it takes minutes instead of seconds."""
    return {
        (key, i): (acc.sums[i], None) for key, acc in cells.items() if has_bands(key) for i in range(DIMS)
    }


def has_bands(key: tuple) -> bool:
    return not key[2] and key[0] != MUNICIPALITY


def score_figures(cells: dict[tuple, _Acc], hidden: set) -> dict[tuple, Published]:
    """`hidden` holds hidden cell keys and hidden score bands (cell key, dimension index, band)."""

    def describe(key, acc: _Acc) -> dict:
        data = {}
        for i, dim in enumerate(DIMENSION_KEYS if acc.n else ()):
            sd = _sd(acc, i)
            data[dim] = {
                "mean": round(acc.sums[i] / acc.n, 2),
                "sd": None if sd is None else round(sd, 2),
                "bands": None
                if not has_bands(key)
                else [
                    None if (key, i, b) in hidden else round(100 * acc.bands[i][b] / acc.n, 1)
                    for b in range(3)
                ],
            }
        return data

    return _published(cells, hidden, describe)


def gap_figures(tree: AreaTree, scores: dict[tuple, Published]) -> dict[tuple, Published]:
    """High minus low education, per area and dimension; hidden when either group is hidden or empty."""
    result = {}
    for area in tree.all_areas():
        low, high = scores.get((*area, "education", "low")), scores.get((*area, "education", "high"))
        if low is None or high is None or low.suppressed or high.suppressed or not low.n or not high.n:
            hidden = bool((low and low.suppressed) or (high and high.suppressed))
            result[(*area, "", "")] = Published(None, None, hidden, None)
            continue
        data = {
            dim: {
                "gap": round(high.data[dim]["mean"] - low.data[dim]["mean"], 2),
                "low": low.data[dim]["mean"],
                "high": high.data[dim]["mean"],
                "n_low": low.n,
                "n_high": high.n,
            }
            for dim in DIMENSION_KEYS
        }
        result[(*area, "", "")] = Published(None, None, False, data)
    return result


class _Diff:
    __slots__ = ("n", "squares", "sums")

    def __init__(self) -> None:
        self.n = 0
        self.sums = [0.0] * DIMS
        self.squares = [0.0] * DIMS

    def add(self, diffs) -> None:
        self.n += 1
        for i, d in enumerate(diffs):
            self.sums[i] += d
            self.squares[i] += d * d

    def merge(self, other: _Diff) -> None:
        self.n += other.n
        for i in range(DIMS):
            self.sums[i] += other.sums[i]
            self.squares[i] += other.squares[i]


def change_cells(tree: AreaTree, base: dict[tuple, _Diff], categories) -> dict[tuple, _Diff]:
    return _rollup(tree, base, categories, _Diff)


def change_figures(cells: dict[tuple, _Diff], hidden: set) -> dict[tuple, Published]:
    def describe(key, acc: _Diff) -> dict:
        if acc.n < 2:
            return {}
        t = t_quantile_975(acc.n - 1)
        data = {}
        for i, dim in enumerate(DIMENSION_KEYS):
            mean = acc.sums[i] / acc.n
            variance = max((acc.squares[i] - acc.sums[i] ** 2 / acc.n) / (acc.n - 1), 0.0)
            half = t * math.sqrt(variance / acc.n)
            data[dim] = {"mean": round(mean, 2), "ci": [round(mean - half, 2), round(mean + half, 2)]}
        return data

    return _published(cells, hidden, describe)


def compute(
    region,
    tree: AreaTree,
    *,
    score_spans: Iterable[Span],
    change_spans: Iterable[Span],
    categories: dict[str, list[str]],
    to_datetime,
    to_date,
) -> dict[tuple[str, str], dict[tuple, object]]:
    """{(indicator, span slug): {key: running sums}} for the requested closed periods, not yet protected
    (scores and change; the gap follows from the protected scores).

    `to_datetime` turns a period boundary (a date) into an aware datetime in the site's time zone and
    `to_date` a moment into the local date (which period it falls in).
    """
    score_spans = sorted(set(score_spans))
    change_spans = sorted(set(change_spans))
    if not score_spans and not change_spans:
        return {}
    sums = _Sums(score_spans, [(span, to_datetime(span.end)) for span in change_spans], to_date)
    until = max([to_datetime(span.end) for span in score_spans] + [end for _s, end in sums.change_ends])
    source = outcome_source()
    for webs in _per_person(source.rows(region, until) if source is not None else ()):
        sums.add_person(webs)

    score_cats = {b: categories[b] for b in ("age_band", "education")}
    result: dict[tuple[str, str], dict] = {}
    for span in score_spans:
        result[("score", span.slug)] = score_cells(tree, sums.scores[span], score_cats)
    for span in change_spans:
        result[("change", span.slug)] = change_cells(
            tree, sums.changes[span], {"education": categories["education"]}
        )
    return result


def _per_person(rows: Iterable[tuple]) -> Iterable[list[tuple]]:
    """The rows (ordered by person, then time) grouped per person."""
    owner, webs = None, []
    for row in rows:
        if row[0] != owner:
            if webs:
                yield webs
            owner, webs = row[0], []
        webs.append(row)
    if webs:
        yield webs


class _Sums:
    """Running sums per period and cell: each person's latest web per period, and their paired change."""

    def __init__(self, score_spans: list[Span], change_ends: list[tuple[Span, object]], to_date) -> None:
        self.scores: dict[Span, dict[tuple, _Acc]] = {span: defaultdict(_Acc) for span in score_spans}
        self.changes: dict[Span, dict[tuple, _Diff]] = {
            span: defaultdict(_Diff) for span, _end in change_ends
        }
        self.change_ends = change_ends
        self.kinds = sorted({span.kind for span in score_spans})
        self.to_date = to_date

    def add_person(self, webs: list[tuple]) -> None:
        """One person's consented webs, oldest first: (person, moment, code, age, education, *scores)."""
        latest: dict[Span, tuple] = {}
        for web in webs:  # oldest first: the last one in a period wins
            day = self.to_date(web[1])
            for kind in self.kinds:
                latest[span_of(kind, day)] = web
        for span, web in latest.items():
            cells = self.scores.get(span)
            if cells is not None:
                cells[(web[2], (("age_band", web[3]), ("education", web[4])))].add_scores(web[5:])
        for span, end in self.change_ends:
            before = [web for web in webs if web[1] < end]
            if len(before) >= 2:
                first, last = before[0], before[-1]
                key = (last[2], (("education", last[4]),))
                self.changes[span][key].add([b - a for a, b in zip(first[5:], last[5:], strict=True)])
