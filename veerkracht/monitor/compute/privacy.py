"""Small-number protection, in one place: every figure about residents passes through here.

Rule 1 (primary suppression): a cell based on 1 to 9 people is not shown ("verborgen").
Rule 2 (complementary suppression): published figures add up. A region's total is the sum of its
subregions and municipalities; an area's total is the sum of its age bands (or education levels). When
a hidden cell is the only unknown in such a sum, or the hidden cells of a sum together hold fewer than
10 people, it could be computed back. So more cells are hidden (the smallest first) until every sum
has either no hidden member or at least two, with at least 10 people together in its hidden children
when its total is shown. Hiding only ever grows, so the loop ends.

The pattern is computed once, when a period is frozen, over every table that is ever published for it
(all areas × all breakdowns), and stored with the figures. Pages, downloads, the API and the PDF
read the stored figures, so all outputs hide exactly the same cells; a suppressed figure is stored
without its value.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

THRESHOLD = 10
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
) -> set[Hashable]:
    """The keys to hide, given the number of people per key and the sums that hold between keys.

    First the rule per sum (below); then an exact audit of all sums together: several sums combined can
    pin down a hidden cell that each sum alone protects (rows and columns of a table). Every cell the
    audit can compute back gets one more hidden neighbour, and both steps repeat until nothing can be
    computed back.

    `hidden` are keys that are hidden already; keys in `fixed` keep their state (a second pass, e.g.
    over score bands, must not hide more of the cells a first pass settled).
    """
    equations = [(parent, tuple(children)) for parent, children in equations]
    hidden = {key for key, n in counts.items() if 0 < n < threshold and key not in fixed} | set(hidden)
    if not hidden:
        return hidden
    rounds = 0
    while True:
        hidden = _per_sum(counts, equations, hidden, threshold, fixed)
        exposed = determined_keys(equations, hidden)
        if not exposed:
            return hidden
        rounds += 1
        if rounds > 2 * MAX_NEIGHBOUR_ROUNDS:
            # Last resort, so the run always ends safely: hide everything that may still be hidden.
            return hidden | {k for k, n in counts.items() if n > 0 and k not in fixed}
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
            extra = _neighbour(key, counts, equations, hidden, fixed)
            if extra is not None:
                hidden.add(extra)
                added = True
        if not added:  # every neighbour is hidden, zero or fixed: nothing more can be hidden
            return hidden


MAX_NEIGHBOUR_ROUNDS = 6


def _neighbour(key, counts, equations, hidden, fixed) -> Hashable | None:
    """A shown cell to hide near `key`: the smallest positive one in a sum that holds `key`, or else in
    a sum that holds a hidden cell next to it (and so on outwards)."""
    seen, frontier = {key}, {key}
    while frontier:
        best, reached = None, set()
        for parent, children in equations:
            members = (parent, *children)
            if not frontier.intersection(members):
                continue
            for position, candidate in enumerate(members):
                if candidate in hidden:
                    if candidate not in seen:
                        reached.add(candidate)
                    continue
                if counts[candidate] <= 0 or candidate in fixed:
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
    equations: list[Equation] = []
    areas = {(level, code) for level, code, _b, _c in keys}
    cells = [("", "")] + [(b, c) for b, cats in breakdowns.items() for c in cats]
    for area, children in area_children.items():
        for breakdown, category in cells:
            parent = (*area, breakdown, category)
            parts = [(*child, breakdown, category) for child in children]
            if parent in keys and all(p in keys for p in parts):
                equations.append((parent, parts))
    for area in areas:
        for breakdown, categories in breakdowns.items():
            parent = (*area, "", "")
            parts = [(*area, breakdown, c) for c in categories]
            if parent in keys and all(p in keys for p in parts):
                equations.append((parent, parts))
    return equations


def shown(value: float | None, suppressed: bool) -> str | float | None:
    """How a figure appears in every output: the value, or "verborgen" when it is hidden.

    One neutral mark whatever the reason: "< 10" on a cell hidden to protect a neighbour would be false
    (it may hold many more people) and would tell an attacker which cells are small."""
    return HIDDEN if suppressed else value
