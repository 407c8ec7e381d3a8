"""Small-number protection, in one place: every figure about residents passes through here.

Rule 1 (primary suppression): a cell based on 1 to 9 people is not shown ("verborgen").
Rule 2 (linked complementary suppression): published figures are linked, and an attacker combines
them all. Within one table a region's total is the sum of its subregions and municipalities, and an
area's total the sum of its age bands (or education levels) and of its score bands. Between tables
the people in a score cell are among the people in the same reach cell (consented webs are completed
webs), and a year's people are among its quarters' people (each is counted once, at their last web,
so the last quarter's people are all in the year, and the year holds no more than its quarters
together). ``protect`` hides one pattern over all these tables of a period at once: first the rule per
sum (every sum with a hidden member keeps at least two hidden members holding 10 or more people
together), then an audit with linear programming (``intervals``): for every hidden cell, the range the
published figures allow must still hold a value of 10 or more and be at least 5 wide. A cell that is
narrowed further gets one more hidden neighbour (the smallest first) and everything repeats until the
audit passes. Hiding only ever grows, so the loop ends.

What one role can see is protected together: the public pattern is computed first, over the public
figures; the analyst pattern then adds the finer splits (a municipality by age band or education)
with every public figure fixed, so an analyst, who sees both, learns no more than the audit allows,
and the public pays nothing for the analyst splits. Figures of a period that was published before
(its quarters when the year is computed; its other indicators when one is added later) are fixed as
published: only the new figures may be hidden.

The pattern is stored with the figures. Pages, downloads, the API and the PDF read the stored figures,
so all outputs hide exactly the same cells; a suppressed figure is stored without its value.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .intervals import Relations, narrowed
from .periods import holding

logger = logging.getLogger(__name__)

THRESHOLD = 10
WIDTH = 5  # a hidden cell's range must be at least this wide
HIDDEN = "verborgen"  # the mark of every hidden figure, in pages, CSV, PDF and the API

Equation = tuple[Hashable, Sequence[Hashable]]  # (total, the parts that add up to it)


def _order(key: Hashable) -> str:
    return repr(key)


def suppress(
    counts: Mapping[Hashable, int],
    equations: Iterable[Equation],
    *,
    threshold: int = THRESHOLD,
    hidden: Iterable[Hashable] = (),
    fixed: frozenset | set = frozenset(),
    details: Mapping[Hashable, Sequence[Hashable]] | None = None,
    unpublished: frozenset | set = frozenset(),
) -> set[Hashable]:
    """The keys to hide, given the number of people per key and the sums that hold between keys.

    First the rule per sum (below); then an exact audit of all sums together: several sums combined can
    pin down a hidden cell that each sum alone protects (rows and columns of a table). Every cell the
    audit can compute back gets one more hidden neighbour, and both steps repeat until nothing can be
    computed back.

    `hidden` are keys that are hidden already; keys in `fixed` keep their state (figures published
    before). `details` are keys hidden with their owner (the score bands of a hidden total);
    `unpublished` keys are unknown to the audience without being hidden.
    """
    equations = [(parent, tuple(children)) for parent, children in equations]
    touching = _index(equations)
    hidden = {key for key, n in counts.items() if 0 < n < threshold and key not in fixed} | set(hidden)
    if not hidden:
        return hidden
    rounds = 0
    while True:
        hidden = _with_details(_per_sum(counts, equations, hidden, threshold, fixed), details or {}, fixed)
        # A hidden zero that can be worked out holds nobody: there is nobody to find.
        exposed = {
            key
            for key in determined_keys(equations, hidden | unpublished)
            if counts[key] > 0 and key not in unpublished
        }
        if not exposed:
            return hidden
        rounds += 1
        if rounds > 2 * MAX_NEIGHBOUR_ROUNDS:
            # Last resort, so the run always ends safely: hide everything that may still be hidden.
            return hidden | {k for k, n in counts.items() if n > 0 and k not in fixed}
        added = _hide_around(exposed, rounds, counts, equations, hidden, fixed, touching)
        if not added:  # every neighbour is hidden, zero or fixed: nothing more can be hidden
            return hidden


def _hide_around(exposed, rounds: int, counts, equations, hidden: set, fixed, touching) -> bool:
    """Hide one more neighbour of every exposed key (whole sums once that did not settle it); whether
    anything was added to `hidden`."""
    added = False
    for key in sorted(exposed, key=_order):
        if rounds > MAX_NEIGHBOUR_ROUNDS:
            # One neighbour at a time did not settle it: hide whole sums around the exposed key.
            extra = {
                m
                for parent, children in equations
                if key == parent or key in children
                for m in (parent, *children)
                if m not in hidden and m not in fixed and counts[m] > 0
            }
            hidden |= extra
            added = added or bool(extra)
            continue
        extra = _neighbour(key, counts, equations, hidden, fixed, touching)
        if extra is not None:
            hidden.add(extra)
            added = True
    return added


MAX_NEIGHBOUR_ROUNDS = 6


def _index(equations) -> dict:
    touching: dict = {}
    for index, (parent, children) in enumerate(equations):
        for key in (parent, *children):
            touching.setdefault(key, []).append(index)
    return touching


def _neighbour(key, counts, equations, hidden, fixed, touching=None, *, least: int = 1) -> Hashable | None:
    """A shown cell to hide near `key`: the smallest positive one in a sum that holds `key`, or else in
    a sum that holds a hidden cell next to it (and so on outwards). With ``least=0`` a shown zero will
    do as well (the last resort of ``protect``)."""
    touching = touching if touching is not None else _index(equations)
    seen, frontier = {key}, {key}
    while frontier:
        best, reached = None, set()
        near = sorted({i for k in frontier for i in touching.get(k, ())})
        for parent, children in (equations[i] for i in near):
            members = (parent, *children)
            for position, candidate in enumerate(members):
                if candidate in hidden:
                    if candidate not in seen:
                        reached.add(candidate)
                    continue
                if counts[candidate] < least or candidate in fixed:
                    continue
                # Parts before totals: hiding a total costs more than hiding one of its parts.
                rank = (position == 0, counts[candidate], _order(candidate))
                if best is None or rank < best[0]:
                    best = (rank, candidate)
        if best is not None:
            return best[1]
        seen |= reached
        frontier = reached
    return None


_PRIME = (1 << 61) - 1  # exact rank over the rationals with overwhelming probability for 0/±1 sums


def determined_keys(equations: Sequence[Equation], hidden: set) -> set:
    """The hidden keys someone could compute exactly from the shown values and the sums.

    A hidden key is determined when its unit vector lies in the row space of the sums restricted to
    the hidden keys. Sparse Gauss–Jordan elimination modulo a large prime; a column index keeps each
    step to the rows that hold the pivot, so the work follows the (tree-shaped, sparse) sums.
    """
    order = sorted(hidden, key=_order)
    elimination = _Elimination({key: i for i, key in enumerate(order)}, equations)
    for parent, children in equations:
        row = elimination.reduced(elimination.row(parent, children))
        if row:
            elimination.add_pivot(row)
    return {order[p] for p, row in elimination.pivots.items() if len(row) == 1}


class _Elimination:
    """Rows of the sums over the hidden keys (numbered), kept fully reduced against each other."""

    def __init__(self, number: dict, equations: Sequence[Equation]) -> None:
        self.number = number
        self.pivots: dict[int, dict[int, int]] = {}
        self.holding: dict[int, set[int]] = {}  # column -> pivots whose row has a non-zero there
        # Markowitz-style choice: pivot on the key that appears in the fewest sums (less fill-in).
        self.degree = [0] * len(number)
        for parent, children in equations:
            for key in (parent, *children):
                i = number.get(key)
                if i is not None:
                    self.degree[i] += 1

    def row(self, parent, children) -> dict[int, int]:
        """parent − Σ children, over the hidden keys only."""
        row: dict[int, int] = {}
        i = self.number.get(parent)
        if i is not None:
            row[i] = 1
        for child in children:
            i = self.number.get(child)
            if i is not None:
                row[i] = (row.get(i, 0) - 1) % _PRIME
        return row

    def reduced(self, row: dict[int, int]) -> dict[int, int]:
        """The row minus its pivot columns (rows are kept fully reduced, so one pass is enough)."""
        for col in [c for c in row if c in self.pivots]:
            factor = row.get(col)
            if factor:
                for k, v in self.pivots[col].items():
                    row[k] = (row.get(k, 0) - factor * v) % _PRIME
        return {k: v for k, v in row.items() if v}

    def add_pivot(self, row: dict[int, int]) -> None:
        """Normalise the row on its sparsest column and eliminate that column from every other row."""
        pivot = min(row, key=lambda c: (self.degree[c], c))
        inverse = pow(row[pivot], _PRIME - 2, _PRIME)
        row = {k: v * inverse % _PRIME for k, v in row.items()}
        holding = self.holding
        for other_pivot in list(holding.get(pivot, ())):
            other = self.pivots[other_pivot]
            factor = other.get(pivot)
            if not factor:
                continue
            for k, v in row.items():
                value = (other.get(k, 0) - factor * v) % _PRIME
                if value:
                    other[k] = value
                    holding.setdefault(k, set()).add(other_pivot)
                else:
                    other.pop(k, None)
                    holding.get(k, set()).discard(other_pivot)
        self.pivots[pivot] = row
        for k in row:
            holding.setdefault(k, set()).add(pivot)


def _per_sum(counts, equations, hidden: set, threshold: int, fixed) -> set:
    hidden = set(hidden)
    touching: dict[Hashable, list[int]] = {}
    for index, (parent, children) in enumerate(equations):
        for key in (parent, *children):
            touching.setdefault(key, []).append(index)
    # A work list: only sums with a newly hidden member need another look.
    todo = sorted({i for key in hidden for i in touching.get(key, ())})
    queued = set(todo)
    while todo:
        index = todo.pop()
        queued.discard(index)
        parent, children = equations[index]
        extra = _needs_more(parent, children, counts, hidden, threshold, fixed)
        if extra is None:
            continue
        hidden.add(extra)
        for other in touching.get(extra, ()):
            if other not in queued:
                queued.add(other)
                todo.append(other)
        if index not in queued:  # look at this sum again: one more may not be enough
            queued.add(index)
            todo.append(index)
    return hidden


def _needs_more(parent, children, counts, hidden, threshold, fixed) -> Hashable | None:
    """The next key to hide so this sum cannot give a hidden cell away, or None when it is safe."""
    hidden_children = [c for c in children if c in hidden]
    if parent in hidden:
        if hidden_children:
            return None
    else:
        hidden_sum = sum(counts[c] for c in hidden_children)
        if hidden_sum == 0 or (len(hidden_children) >= 2 and hidden_sum >= threshold):
            return None  # nothing hidden here, or nothing small: hidden zeros protect nobody
    candidates = [c for c in children if c not in hidden and counts[c] > 0 and c not in fixed]
    if candidates:
        return min(candidates, key=lambda c: (counts[c], _order(c)))
    if parent not in hidden and parent not in fixed:
        return parent
    return None  # a hidden total whose parts are all zero or hidden: nothing left to protect


@dataclass
class Linked:
    """The linked tables of one period, for one pattern.

    `counts` holds the people per cell: the real number for a cell still to be settled, the published
    number for a fixed published cell, None for a fixed hidden one. `known` may give an attacker's
    (low, high) instead of an exact published number (score bands are published as rounded
    percentages). `details` are cells hidden whenever their owner is (the score bands of a hidden total).
    `unpublished` cells take part in the sums but this audience never sees them (a municipality's
    split by age band, for the public): unknowns that are neither hidden nor checked.

    `sums` are the sums of scores behind a published mean: {sum key: (the cell it belongs to, its
    real value, the attacker's (low, high) when it was published before)}. A sum is known (within
    the rounding of the mean) exactly when its cell's number is; a hidden cell's sum must stay at
    least ``SUM_WIDTH`` score points wide, so nobody's scores follow from a mean and a count.
    `stuck` lists the cells the last ``protect`` could not protect (only fixed figures were left).
    """

    counts: dict[Hashable, int | None]
    relations: Relations = field(default_factory=Relations)
    fixed: set = field(default_factory=set)
    hidden: set = field(default_factory=set)
    details: dict[Hashable, list[Hashable]] = field(default_factory=dict)
    known: dict[Hashable, tuple[float, float]] = field(default_factory=dict)
    unpublished: set = field(default_factory=set)
    sums: dict[Hashable, tuple[Hashable, float, tuple[float, float] | None]] = field(default_factory=dict)
    stuck: dict = field(default_factory=dict)


MAX_AUDIT_ROUNDS = 40
SUM_WIDTH = 10  # score points: a hidden sum of scores ranges over at least one whole person's score


def protect(linked: Linked, *, threshold: int = THRESHOLD, width: int = WIDTH) -> set[Hashable]:
    """The cells to hide so that no hidden cell of the linked tables is narrowed too far (see above)."""
    counts = {key: n or 0 for key, n in linked.counts.items()}
    fixed = linked.fixed | linked.unpublished
    relations = linked.relations
    groups = [
        *relations.equations,
        *((whole, [part]) for part, whole in relations.subsets),
        *relations.covers,
        *_count_groups(relations.linear, counts),
    ]
    touching = _index(groups)
    hidden = {k for k, n in counts.items() if 0 < n < threshold and k not in fixed} | set(linked.hidden)
    rounds = 0
    proven: tuple[set, set] = (set(), set())  # hidden cells and hidden sums shown to be safe
    while True:
        hidden = _with_details(hidden, linked.details, fixed)
        hidden = suppress(
            counts,
            relations.equations,
            threshold=threshold,
            hidden=hidden,
            fixed=fixed,
            details=linked.details,
            unpublished=linked.unpublished,
        )
        failing = _audit(linked, counts, hidden, threshold, width, proven)
        if not failing:
            return hidden
        rounds += 1
        logger.debug("monitor: audit round %d, %d cells narrowed", rounds, len(failing))
        added: set = set()
        for key in sorted(failing, key=_order):
            if rounds > MAX_AUDIT_ROUNDS:
                # Last resort: everything around the narrowed cell that may still be hidden.
                added |= {
                    m
                    for total, parts in groups
                    if key == total or key in parts
                    for m in (total, *parts)
                    if m not in hidden and m not in fixed and counts[m] > 0
                }
                continue
            extra = set() if rounds < 2 else _around(key, counts, groups, hidden | added, fixed, touching)
            if not extra:
                extra = {_neighbour(key, counts, groups, hidden | added, fixed, touching)} - {None}
            added |= extra
        if not added:
            # Only zeros are left to hide around these cells (a quarter's municipality whose total its
            # last month published, with one group that is not zero): a hidden zero hides how the
            # people are spread over the groups.
            zeros = (_neighbour(k, counts, groups, hidden, fixed, touching, least=0) for k in failing)
            added = {key for key in zeros if key is not None}
        if not added:
            # Only fixed (published) figures are left around these cells: nothing more can be done.
            linked.stuck = failing
            return hidden
        hidden |= added


def _around(key, counts, groups, hidden: set, fixed, touching) -> set:
    """One neighbour to hide in every relation that holds `key`: for a cell one neighbour did not
    protect, this saves an audit round per relation."""
    found = set()
    for index in touching.get(key, ()):
        total, parts = groups[index]
        candidates = [
            (position == 0, counts[m], _order(m), m)
            for position, m in enumerate((total, *parts))
            if m not in hidden and m not in fixed and counts[m] > 0
        ]
        if candidates:
            found.add(min(candidates)[3])
    return found


def _with_details(hidden: set, details: Mapping, fixed) -> set:
    extra = {d for owner in hidden for d in details.get(owner, ()) if d not in hidden and d not in fixed}
    return hidden | extra if extra else hidden


def _count_groups(rows, counts) -> list:
    """The cells of people in each other linear relation, as a group to look for neighbours in."""
    groups = []
    for terms, _equality in rows:
        members = [key for key, _c in terms if key in counts]
        if len(members) > 1:
            groups.append((members[0], members[1:]))
    return groups


def _audit(linked: Linked, counts, hidden: set, threshold: int, width: int, proven: tuple[set, set]) -> dict:
    """The hidden cells narrowed too far; a narrowed sum of scores is reported as its cell."""
    seen = {key for key in linked.counts if key not in hidden and key not in linked.unpublished}
    known = {
        key: linked.known.get(key, (float(n), float(n)))
        for key, n in linked.counts.items()
        if key in seen and n is not None
    }
    truth = {key: float(n) for key, n in linked.counts.items() if n is not None}
    hidden_sums = []
    for key, (owner, value, published) in linked.sums.items():
        if value is not None:
            truth[key] = value
        if owner in seen and counts[owner] > 0 and (published or value is not None):
            # The audit's attacker knows a new sum exactly, not just to the rounding of its mean: a
            # stronger attacker, and a smaller program (a known figure is no unknown).
            known[key] = (value, value) if value is not None else published
        elif owner in hidden:
            hidden_sums.append(key)
    relations = linked.relations
    failing = narrowed(
        relations,
        known,
        hidden,
        threshold=threshold,
        width=width,
        truth=truth,
        proven=proven[0],
        block=_period,
    )
    if hidden_sums:
        sums = narrowed(
            relations,
            known,
            hidden_sums,
            threshold=0,
            width=SUM_WIDTH,
            truth=truth,
            proven=proven[1],
            block=_period,
        )
        failing |= {linked.sums[key][0]: found for key, found in sums.items()}
    return failing


def _period(key: Hashable) -> tuple:
    """The block of a cell in the audit, its period (keys are (indicator, period, …)), and the blocks
    freed with it: the periods that hold that period."""
    if not (isinstance(key, tuple) and len(key) > 1 and isinstance(key[1], str)):
        return (None,)
    return (key[1], *holding(key[1]))


def _hierarchy_sums(keys: set, area_children, breakdowns) -> Iterable[tuple[tuple, list[tuple]]]:
    """Every sum the area tree and the breakdowns make, whose total is one of `keys`."""
    areas = {(level, code) for level, code, _b, _c in keys}
    cells = [("", "")] + [(b, c) for b, cats in breakdowns.items() for c in cats]
    for area, children in area_children.items():
        for breakdown, category in cells:
            parent = (*area, breakdown, category)
            if parent in keys:
                yield parent, [(*child, breakdown, category) for child in children]
    for area in areas:
        for breakdown, categories in breakdowns.items():
            parent = (*area, "", "")
            if parent in keys:
                yield parent, [(*area, breakdown, c) for c in categories]


def hierarchy_equations(
    keys: Iterable[tuple],
    *,
    area_children: Mapping[tuple, Sequence[tuple]],
    breakdowns: Mapping[str, Sequence[str]],
) -> list[Equation]:
    """The sums that hold between the cells of one period and indicator.

    Keys are (area_level, area_code, breakdown, category); ("…", "…", "", "") is an area's total.
    `area_children` maps an area (level, code) to the areas that make it up; `breakdowns` maps a
    breakdown to all its categories (including "unknown", so the parts add up to the total).
    """
    keys = set(keys)
    return [
        (parent, parts)
        for parent, parts in _hierarchy_sums(keys, area_children, breakdowns)
        if all(p in keys for p in parts)
    ]


def hierarchy_bounds(
    keys: Iterable[tuple],
    *,
    area_children: Mapping[tuple, Sequence[tuple]],
    breakdowns: Mapping[str, Sequence[str]],
) -> list[Equation]:
    """The sums of which only some parts are figures of the table: (total, the parts that are).

    The parts that are no figure (a month splits its subregions by group, not its municipalities, nor
    the people without a known municipality) are people too: the parts that are figures add up to at
    most the total. An attacker knows that much (Limburg's professionals minus those of two
    subregions is at least the third's), so the audit must know it as well.
    """
    keys = set(keys)
    found = []
    for parent, parts in _hierarchy_sums(keys, area_children, breakdowns):
        present = [p for p in parts if p in keys]
        if present and len(present) < len(parts):
            found.append((parent, present))
    return found


def shown(value: float | None, suppressed: bool) -> str | float | None:
    """How a figure appears in every output: the value, or "verborgen" when it is hidden.

    One neutral mark whatever the reason: "< 10" on a cell hidden to protect a neighbour would be false
    (it may hold many more people) and would tell an attacker which cells are small."""
    return HIDDEN if suppressed else value
