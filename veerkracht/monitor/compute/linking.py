"""One suppression pattern over the linked tables of a period (see privacy.py for the rules).

A ``Table`` is one indicator about residents in one period: people per cell (area × category) and,
for scores, people per score band of each area's total. ``settle`` hides cells in the new tables of a
period so that, together with the tables that are already published (other indicators of the period,
its quarters or months), no hidden cell is narrowed too far; first for the public, then for analysts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from veerkracht.core.indicators import STOCK, categories, get_indicator

from .areas import AreaTree
from .outcomes import has_bands
from .periods import Span
from .privacy import Linked, hierarchy_bounds, hierarchy_equations, protect

logger = logging.getLogger(__name__)


@dataclass
class Table:
    indicator: str
    span: Span
    counts: dict[tuple, int | None]  # cell key -> people; None: hidden when it was published
    bands: dict[tuple, int | None] = field(default_factory=dict)  # (cell key, dimension, band) -> people
    known: dict[tuple, tuple[float, float]] = field(default_factory=dict)  # bands published as percentages
    # Sums of scores behind the means: (cell key, dimension index) -> (real sum or None, the attacker's
    # (low, high) when it was published before, else None).
    sums: dict[tuple, tuple[float | None, tuple[float, float] | None]] = field(default_factory=dict)
    hidden: set | None = None  # settled: the hidden cell keys and band keys

    def key(self, cell: tuple) -> tuple:
        return (self.indicator, self.span.slug, *cell)


def settle(
    tree: AreaTree, new: list[Table], published: Iterable[Table], parts: dict[tuple[str, str], list[Table]]
) -> None:
    """Set ``hidden`` on every new table. `parts` maps (indicator, period slug) to the tables of the
    periods inside it (a year's quarters), oldest first; they and `published` are fixed."""
    if not new:
        return
    fixed = [*published, *(t for tables in parts.values() for t in tables)]
    # One pattern, audited for the audience that sees the most (an analyst sees every figure). Anyone
    # who sees less knows fewer facts, so every hidden cell's range can only be wider for them.
    everything = _linked(tree, new, fixed, parts)
    hidden = protect(everything)
    if everything.stuck:
        logger.warning(
            "monitor: %d hidden cells stay narrower than the audit asks, e.g. %s",
            len(everything.stuck),
            sorted(everything.stuck.items(), key=repr)[:3],
        )
    for table in new:
        table.hidden = {cell for cell in table.counts if table.key(cell) in hidden}
        table.hidden |= {band for band in table.bands if table.key(band) in hidden}


def _linked(tree, new, fixed, parts) -> Linked:
    linked = Linked(counts={})
    tables = [*new, *fixed]
    for table in tables:
        _add_table(linked, tree, table, settled=table not in new)
    by_span: dict[str, dict[str, Table]] = {}
    for table in tables:
        by_span.setdefault(table.span.slug, {})[table.indicator] = table
    for tables_of_span in by_span.values():
        for outer in tables_of_span.values():
            found = get_indicator(outer.indicator)
            for inner_key in found.contains if found else ():
                inner = tables_of_span.get(inner_key)
                if inner is not None:
                    _link_subset(linked, inner, outer)
    for table in new:
        inside = parts.get((table.indicator, table.span.slug))
        if inside:
            _link_time(linked, table, inside)
    return linked


def _add_table(linked: Linked, tree: AreaTree, table: Table, *, settled: bool) -> None:
    indicator = get_indicator(table.indicator)
    cells = list(table.counts)
    key = table.key
    for cell in cells:
        linked.counts[key(cell)] = table.counts[cell]
    cats = categories(*indicator.breakdowns) if indicator else {}
    equations = hierarchy_equations(cells, area_children=tree.children, breakdowns=cats)
    linked.relations.equations += [(key(p), [key(c) for c in parts]) for p, parts in equations]
    # Σ the parts that are figures ≤ the total (the others are people nobody sees).
    linked.relations.linear += [
        ([(key(p), -1.0), *((key(c), 1.0) for c in parts)], False)
        for p, parts in hierarchy_bounds(cells, area_children=tree.children, breakdowns=cats)
    ]
    bands = _add_bands(linked, table, cells, equations)
    _add_sums(linked, table, equations)
    if settled:
        own = [key(cell) for cell in cells] + [key(band) for band in bands]
        linked.fixed |= set(own)
        hidden = table.hidden or set()
        linked.hidden |= {key(c) for c in cells if c in hidden}
        linked.hidden |= {key(band) for band in bands if band in hidden}


def _add_bands(linked: Linked, table: Table, cells: list[tuple], equations) -> list[tuple]:
    """Score bands of each area's total: they add up to its people, and over the area tree."""
    key = table.key
    totals = {cell for cell in cells if not cell[2]}
    bands = [band for band in table.bands if band[0] in totals]
    for band in bands:
        linked.counts[key(band)] = table.bands[band]
        if band in table.known:
            linked.known[key(band)] = table.known[band]
        if has_bands(band[0]):
            linked.details.setdefault(key(band[0]), []).append(key(band))
        else:  # not published (a municipality's): an unknown that takes part in the sums
            linked.unpublished.add(key(band))
    dims = sorted({band[1] for band in bands})
    for cell in totals if dims else ():
        for dim in dims:
            if (cell, dim, 0) in table.bands:
                linked.relations.equations.append((key(cell), [key((cell, dim, b)) for b in range(3)]))
    for p, parts in equations if dims else ():
        if all((c, dims[0], 0) in table.bands for c in (p, *parts)):
            linked.relations.equations += [
                (key((p, dim, b)), [key((c, dim, b)) for c in parts]) for dim in dims for b in range(3)
            ]
    return bands


def _add_sums(linked: Linked, table: Table, equations) -> None:
    """Sums of scores: they add up like their cells, lie between 0 and 10 × the people, and for an
    area's total between what its score bands allow (a low score is under 4, a middle one under 7, a
    high one 10 at most). A published sum is a constant: this costs nothing where nothing is hidden."""
    key = table.key
    dims = sorted({i for _cell, i in table.sums})
    for (cell, i), (value, published) in table.sums.items():
        linked.sums[key((cell, "sum", i))] = (key(cell), value, published)
        linked.relations.linear.append(([(key((cell, "sum", i)), 1.0), (key(cell), -10.0)], False))
        if key((cell, i, 0)) in linked.counts:
            bands = [key((cell, i, b)) for b in range(3)]
            total = key((cell, "sum", i))
            linked.relations.linear += [
                ([(total, 1.0), (bands[0], -4.0), (bands[1], -7.0), (bands[2], -10.0)], False),
                ([(bands[1], 4.0), (bands[2], 7.0), (total, -1.0)], False),
            ]
    for p, parts in equations if dims else ():
        if (p, dims[0]) in table.sums and all((c, dims[0]) in table.sums for c in parts):
            linked.relations.equations += [
                (key((p, "sum", i)), [key((c, "sum", i)) for c in parts]) for i in dims
            ]


def _shared(linked: Linked, tables: list[Table]) -> list[tuple]:
    """Cells and bands every one of these tables has in the linked problem."""
    first = tables[0]
    found = []
    for cell in [*first.counts, *first.bands]:
        if all(t.key(cell) in linked.counts for t in tables):
            found.append(cell)
    return found


def _link_subset(linked: Linked, inner: Table, outer: Table) -> None:
    """Everyone in an inner cell is in the same outer cell (score ⊆ reach)."""
    for cell in _shared(linked, [inner, outer]):
        if len(cell) == 4:  # people, not score bands (reach has none)
            linked.relations.subsets.append((inner.key(cell), outer.key(cell)))


def _link_time(linked: Linked, whole: Table, inside: list[Table]) -> None:
    """A period and the periods inside it. People are counted once per period, at their last web:
    the last part's people are all in the whole, and the whole holds no more than its parts
    together. A stock (the state at the end) equals its last part."""
    last = inside[-1]
    stock = getattr(get_indicator(whole.indicator), "kind", None) == STOCK
    for cell in _shared(linked, [whole, *inside]):
        if stock:
            linked.relations.equations.append((whole.key(cell), [last.key(cell)]))
            continue
        linked.relations.subsets.append((last.key(cell), whole.key(cell)))
        linked.relations.covers.append((whole.key(cell), [t.key(cell) for t in inside]))
    # Sums of scores the same way: scores are not negative, and each person counts at their last web.
    for cell, i in whole.sums if not stock else ():
        name = (cell, "sum", i)
        if all((cell, i) in t.sums for t in inside):
            linked.relations.subsets.append((last.key(name), whole.key(name)))
            linked.relations.covers.append((whole.key(name), [t.key(name) for t in inside]))
