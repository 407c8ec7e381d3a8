"""Small-number protection, in one place: every figure about residents passes through here.

Rule 1 (primary suppression): a cell based on 1 to 9 people is not shown ("< 10").
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

Equation = tuple[Hashable, Sequence[Hashable]]  # (total, the parts that add up to it)


def _order(key: Hashable) -> str:
    return repr(key)


def suppress(
    counts: Mapping[Hashable, int], equations: Iterable[Equation], *, threshold: int = THRESHOLD
) -> set[Hashable]:
    """The keys to hide, given the number of people per key and the sums that hold between keys.

    First the rule per sum (below); then an exact audit of all sums together: several sums combined can
    pin down a hidden cell that each sum alone protects (rows and columns of a table). Every cell the
    audit can compute back gets one more hidden neighbour, and both steps repeat until nothing can be
    computed back.
    """
    equations = [(parent, tuple(children)) for parent, children in equations]
    hidden = {key for key, n in counts.items() if 0 < n < threshold}
    if not hidden:
        return hidden
    while True:
        hidden = _per_sum(counts, equations, hidden, threshold)
        exposed = determined_keys(equations, hidden)
        if not exposed:
            return hidden
        added = False
        for key in sorted(exposed, key=_order):
            extra = _neighbour(key, counts, equations, hidden)
            if extra is not None:
                hidden.add(extra)
                added = True
        if not added:  # every neighbour is hidden or zero already: nothing more can be hidden
            return hidden


def _neighbour(key, counts, equations, hidden) -> Hashable | None:
    """A shown cell to hide near `key`: the smallest positive one in a sum that holds `key`, or else in
    a sum that holds a hidden cell next to it (and so on outwards)."""
    seen, frontier = {key}, {key}
    while frontier:
        best, reached = None, set()
        for parent, children in equations:
            members = (parent, *children)
            if not frontier.intersection(members):
                continue
            for candidate in members:
                if candidate in hidden:
                    if candidate not in seen:
                        reached.add(candidate)
                    continue
                if counts[candidate] <= 0:
                    continue
                if best is None or (counts[candidate], _order(candidate)) < (counts[best], _order(best)):
                    best = candidate
        if best is not None:
            return best
        seen |= reached
        frontier = reached
    return None


_PRIME = (1 << 61) - 1  # exact rank over the rationals with overwhelming probability for 0/±1 sums


def determined_keys(equations: Sequence[Equation], hidden: set) -> set:
    """The hidden keys someone could compute exactly from the shown values and the sums.

    A hidden key is determined when its unit vector lies in the row space of the sums restricted to
    the hidden keys. Sparse Gauss–Jordan elimination modulo a large prime, per connected group.
    """
    rows: list[dict] = []
    for parent, children in equations:
        row: dict = {}
        for key, sign in ((parent, 1), *((c, -1) for c in children)):
            if key in hidden:
                row[key] = (row.get(key, 0) + sign) % _PRIME
        row = {k: v for k, v in row.items() if v}
        if row:
            rows.append(row)
    pivots: dict = {}  # pivot key -> reduced row (coefficient 1 at the pivot)
    for row in rows:
        for key in [k for k in row if k in pivots]:
            factor = row.get(key)
            if not factor:
                continue
            for k, v in pivots[key].items():
                row[k] = (row.get(k, 0) - factor * v) % _PRIME
            row = {k: v for k, v in row.items() if v}
        if not row:
            continue
        pivot = min(row, key=_order)
        inverse = pow(row[pivot], _PRIME - 2, _PRIME)
        row = {k: v * inverse % _PRIME for k, v in row.items()}
        for other_key, other in pivots.items():
            factor = other.get(pivot)
            if factor:
                for k, v in row.items():
                    other[k] = (other.get(k, 0) - factor * v) % _PRIME
                pivots[other_key] = {k: v for k, v in other.items() if v}
        pivots[pivot] = row
    return {key for key, row in pivots.items() if len(row) == 1}


def _per_sum(counts, equations, hidden: set, threshold: int) -> set:
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
        extra = _needs_more(parent, children, counts, hidden, threshold)
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


def _needs_more(parent, children, counts, hidden, threshold) -> Hashable | None:
    """The next key to hide so this sum cannot give a hidden cell away, or None when it is safe."""
    hidden_children = [c for c in children if c in hidden]
    if parent in hidden:
        if hidden_children:
            return None
    else:
        hidden_sum = sum(counts[c] for c in hidden_children)
        if not hidden_children or (len(hidden_children) >= 2 and hidden_sum >= threshold):
            return None
    candidates = [c for c in children if c not in hidden and counts[c] > 0]
    if candidates:
        return min(candidates, key=lambda c: (counts[c], _order(c)))
    if parent not in hidden:
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
    """How a figure appears in every output: the value, or "< 10" when it is hidden."""
    return f"< {THRESHOLD}" if suppressed else value
