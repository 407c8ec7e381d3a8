"""The interval audit: how far linear programming over everything published narrows each hidden cell.

An attacker knows every published figure (exactly, or within its rounding), every sum between them
and every subset relation (the people in a score cell are among the people in the same reach cell; a
quarter's last month is inside the quarter, and so on). Each hidden cell is then an unknown with a
lowest and a highest value the published figures allow. A hidden cell is protected when that range
still holds a value of at least ``threshold`` and is at least ``width`` wide.

The audit splits the unknowns into independent groups (linked by some relation), and finds the range
of each hidden cell with the HiGHS solver. It first looks for two far-apart solutions per group (the
largest and the smallest total of its hidden cells); every solution found widens the known range of
every cell in it, so most cells need no linear program of their own. A cell still in doubt is tried
in a small program around it (its neighbours free, the rest of the group held at a known solution:
quick, and what it finds is true for the whole group), and only then solved in the whole group, each
objective starting from the last solution. A cell the solvers prove holds nobody (its highest value
is 0) is not narrowed: there is nobody to find.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np
from scipy.sparse import coo_matrix

EPS = 1e-6
CAP = 1e9  # no count is larger: keeps every program bounded
FEW = 40  # with the real values known, this many cells in doubt go straight to their own programs
LOCAL_HOPS = (2, 4)  # the small programs around a cell: the cells this many relations away are free
LOCAL_SIZE = 400  # at most this many free cells in a small program


@dataclass
class Relations:
    """Everything an attacker may combine. Keys are hashable cell names."""

    equations: list[tuple[Hashable, Sequence[Hashable]]] = field(default_factory=list)  # total = Σ parts
    subsets: list[tuple[Hashable, Hashable]] = field(default_factory=list)  # (part, whole): part ≤ whole
    covers: list[tuple[Hashable, Sequence[Hashable]]] = field(default_factory=list)  # whole ≤ Σ parts
    # Any other linear relation: (terms, is_equality) with Σ coefficient × cell = 0 or ≤ 0 (a sum of
    # scores lies between what its score bands and its number of people allow).
    linear: list[tuple[list[tuple[Hashable, float]], bool]] = field(default_factory=list)

    def rows(self) -> Iterable[tuple[list[tuple[Hashable, float]], bool]]:
        """(terms, is_equality) with Σ coefficient × cell = 0 (equality) or ≤ 0."""
        for total, parts in self.equations:
            yield [(total, 1.0), *((p, -1.0) for p in parts)], True
        for part, whole in self.subsets:
            yield [(part, 1.0), (whole, -1.0)], False
        for whole, parts in self.covers:
            yield [(whole, 1.0), *((p, -1.0) for p in parts)], False
        yield from self.linear


def narrowed(
    relations: Relations,
    known: Mapping[Hashable, tuple[float, float]],
    hidden: Iterable[Hashable],
    *,
    threshold: int,
    width: int,
    truth: Mapping[Hashable, float] | None = None,
    proven: set | None = None,
    block: Callable[[Hashable], tuple] | None = None,
) -> dict[Hashable, tuple[float, float]]:
    """The hidden cells narrowed too far, with the (lowest, highest) value found for them.

    `known` gives the attacker's (low, high) for each published cell; `hidden` are the cells to check;
    every other cell in a relation is an unknown too (a figure this audience never sees). `truth`
    (optional) is one solution the audit may start from (the real values).

    `proven` (optional, updated) holds hidden cells already shown to be safe. Hiding more only takes
    facts away, so a range can only grow: a cell once safe stays safe, and is not checked again.

    `block` (optional) names the block of a cell (its period) and the blocks freed with it (the
    periods that hold it): a cell in doubt is first tried in the program of those blocks, the rest of
    the group held at a known solution."""
    hidden = set(hidden)
    proven = set() if proven is None else proven

    def exact(key) -> bool:
        return key in known and known[key][0] == known[key][1]

    groups = _Groups()
    for terms, equality in relations.rows():
        unknown = [key for key, _c in terms if not exact(key)]
        if unknown:
            groups.join(unknown, (terms, equality))
    for key in hidden:
        groups.find(key)
    failing: dict = {}
    for members, rows in groups.each():
        checked = [key for key in members if key in hidden and key not in proven]
        if checked:
            program = _Program(members, rows, known)
            found = program.narrowed(checked, threshold, width, truth or {}, block)
            failing.update(found)
            # A cell that holds nobody now may hold someone once more is hidden: check it again then.
            proven.update(key for key in checked if key not in found and key not in program.empty)
    return failing


class _Groups:
    """Union–find over the unknowns: two unknowns in one relation belong to one group."""

    def __init__(self) -> None:
        self.parent: dict = {}
        self.rows: list[tuple[Hashable, tuple]] = []

    def find(self, key):
        parent = self.parent
        if key not in parent:
            parent[key] = key
            return key
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def join(self, keys: list, row: tuple) -> None:
        root = self.find(keys[0])
        for other in keys[1:]:
            found = self.find(other)
            if found != root:
                self.parent[found] = root
        self.rows.append((keys[0], row))

    def each(self):
        members: dict = {}
        for key in list(self.parent):
            members.setdefault(self.find(key), []).append(key)
        rows: dict = {}
        for key, row in self.rows:
            rows.setdefault(self.find(key), []).append(row)
        for root, keys in members.items():
            yield keys, rows.get(root, [])


class _Program:
    """One group's linear program, and every solution found so far (the range seen per unknown)."""

    def __init__(self, members: list, rows: list, known: Mapping) -> None:
        self.column = {key: i for i, key in enumerate(members)}
        self.size = len(members)
        r: list[int] = []
        c: list[int] = []
        v: list[float] = []
        lower: list[float] = []
        upper: list[float] = []
        for terms, equality in rows:
            constant = 0.0
            for key, coefficient in terms:
                if key in self.column:
                    r.append(len(upper))
                    c.append(self.column[key])
                    v.append(coefficient)
                else:
                    constant -= coefficient * known[key][0]
            lower.append(constant if equality else -highspy.kHighsInf)
            upper.append(constant)
        self.bounds = np.array([known.get(key, (0.0, CAP)) for key in members], dtype=float).reshape(-1, 2)
        self.row_lower, self.row_upper = np.array(lower), np.array(upper)
        matrix = coo_matrix((v, (r, c)), shape=(len(upper), self.size))
        self.by_row, self.by_column = matrix.tocsr(), matrix.tocsc()
        self.highs = _model(self.by_column, self.bounds, self.row_lower, self.row_upper)
        self.solutions: list[np.ndarray] = []  # the solutions of the first objectives
        self.cost: list[int] = []  # the columns with a cost in the last objective
        self.empty: set = set()  # checked cells that hold nobody, whatever else is true
        self.low = np.full(self.size, np.inf)
        self.high = np.full(self.size, -np.inf)

    def solve(self, objective: dict[int, float]) -> bool:
        """Optimise Σ cost × cell over the group. One model per group: each new objective starts from
        the last solution (a warm start)."""
        highs = self.highs
        reset = [i for i in self.cost if i not in objective]
        if reset:
            highs.changeColsCost(len(reset), np.array(reset, dtype=np.int32), np.zeros(len(reset)))
        columns = np.array(list(objective), dtype=np.int32)
        highs.changeColsCost(len(columns), columns, np.array(list(objective.values()), dtype=float))
        self.cost = list(objective)
        highs.run()
        # Only the costs change from one objective to the next, so the last optimal basis stays a
        # feasible start: the primal simplex goes on from it (ten to forty times faster than the
        # default dual simplex, which starts nearly from scratch each time).
        highs.setOptionValue("simplex_strategy", 4)
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return False
        x = np.asarray(highs.getSolution().col_value)
        if len(self.solutions) < 2:
            self.solutions.append(x)
        np.minimum(self.low, x, out=self.low)
        np.maximum(self.high, x, out=self.high)
        return True

    def narrowed(self, checked: list, threshold: int, width: int, truth: Mapping, block=None) -> dict:
        point = None
        if all(key in truth for key in self.column):
            point = np.array([truth[key] for key in self.column], dtype=float)
            self.low, self.high = point.copy(), point.copy()
        targets = [self.column[key] for key in checked]
        # Two far-apart solutions: the smallest and the largest total of the hidden cells. The first
        # also shows the published figures fit the relations; the real values show that as well, so
        # with them at hand a few cells go straight to their own programs.
        if point is None or len(targets) > FEW:
            if not self.solve(dict.fromkeys(targets, 1.0)):  # the figures contradict the relations
                return dict.fromkeys(checked, (0.0, 0.0))
            self.solve(dict.fromkeys(targets, -1.0))
        # The rest one by one: in their period's program, in a small program around the cell, and
        # only then in the whole group.
        anchor = point if point is not None else sum(self.solutions) / len(self.solutions)
        if block is not None:
            self._in_blocks(targets, anchor, block, threshold, width)
        failing = {}
        for key in checked:
            i = self.column[key]
            if not self._safe(i, threshold, width) and not self._local(i, anchor, threshold, width):
                found = self._widen(i, threshold, width)
                if found is not None:
                    failing[key] = found
                elif self.high[i] <= EPS:
                    self.empty.add(key)
        return failing

    def _safe(self, i: int, threshold: int, width: int) -> bool:
        return self.high[i] >= threshold - EPS and self.high[i] - self.low[i] >= width - EPS

    def _local(self, i: int, anchor: np.ndarray, threshold: int, width: int) -> bool:
        """Whether cell i is shown safe in a small program: the cells near it free, every other cell
        of the group fixed at `anchor` (a solution of the whole group). Each solution of the small
        program, with the anchor for the rest, is a solution of the whole group; so a range found
        here is part of the cell's real range, and a cell safe here is safe. A cell not shown safe
        here may still be: the whole group's program decides."""
        for hops in LOCAL_HOPS:
            free = self._near(i, hops)
            if len(free) * 2 >= self.size:
                return False  # not small: the group's own program (warm) is cheaper
            self._restricted(free, anchor).widen([i], threshold, width)
            if self._safe(i, threshold, width):
                return True
        return False

    def _in_blocks(self, targets: list[int], anchor: np.ndarray, block, threshold: int, width: int) -> None:
        """The cells in doubt, each in the program of its block and the blocks freed with it (a
        quarter's cells and its year's free, the other quarters held at `anchor`). Sound for the
        same reason as `_local`, and far smaller than the whole group when periods are linked."""
        blocks = [block(key) for key in self.column]
        names = [found[0] for found in blocks]
        if len(set(names)) < 2:
            return  # one block: the whole group
        doubt: dict = {}
        for i in targets:
            if not self._safe(i, threshold, width):
                doubt.setdefault(blocks[i], []).append(i)
        for freed, cells in doubt.items():
            free = np.array([j for j, name in enumerate(names) if name in freed], dtype=np.int64)
            if len(free) * 4 > self.size * 3:
                continue  # nearly the whole group: its own program is as quick
            self._restricted(free, anchor).widen(cells, threshold, width)

    def _restricted(self, free: np.ndarray, anchor: np.ndarray) -> _Restricted:
        """The group's program with only the `free` columns (sorted) free, the rest at `anchor`."""
        rows = np.unique(self.by_column[:, free].indices)
        part = self.by_row[rows]
        rest = anchor.copy()
        rest[free] = 0.0
        fixed_part = part @ rest
        highs = _model(
            part[:, free].tocoo(),
            self.bounds[free],
            self.row_lower[rows] - fixed_part,
            self.row_upper[rows] - fixed_part,
        )
        return _Restricted(self, free, highs)

    def _near(self, i: int, hops: int) -> np.ndarray:
        """The columns at most `hops` relations away from column i (sorted), at most LOCAL_SIZE."""
        found = {i}
        frontier = [i]
        for _hop in range(hops):
            rows = np.unique(self.by_column[:, frontier].indices)
            reached = np.setdiff1d(np.unique(self.by_row[rows].indices), list(found))
            if not len(reached):
                break
            found.update(reached[: LOCAL_SIZE - len(found)].tolist())
            if len(found) >= LOCAL_SIZE:
                break
            frontier = reached.tolist()
        return np.array(sorted(found), dtype=np.int64)

    def _widen(self, i: int, threshold: int, width: int) -> tuple[float, float] | None:
        """Solve for this cell's own highest and lowest value; its range if still too narrow."""
        if self.high[i] < max(threshold, self.low[i] + width) - EPS:
            self.solve({i: -1.0})
            if self.high[i] <= EPS:
                return None  # it holds nobody, whatever else is true: there is nobody to find
        if not self._safe(i, threshold, width) and self.high[i] >= threshold - EPS:
            self.solve({i: 1.0})
        if self._safe(i, threshold, width):
            return None
        return (float(self.low[i]), float(self.high[i]))


class _Restricted:
    """A part of a group's program (some columns free, the rest fixed): its solutions, with the fixed
    values, are solutions of the whole group, so they widen the group's known ranges."""

    def __init__(self, program: _Program, free: np.ndarray, highs: highspy.Highs) -> None:
        self.program, self.free, self.highs = program, free, highs
        self.cost: int | None = None

    def widen(self, cells: list[int], threshold: int, width: int) -> None:
        program, free, highs = self.program, self.free, self.highs
        for i in cells:
            here = int(np.searchsorted(free, i))
            for sign in (-1.0, 1.0):
                if program._safe(i, threshold, width):
                    break
                if self.cost is not None and self.cost != here:
                    highs.changeColCost(self.cost, 0.0)
                highs.changeColCost(here, sign)
                self.cost = here
                highs.run()
                highs.setOptionValue("simplex_strategy", 4)  # warm, as in _Program.solve
                if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                    return
                x = np.asarray(highs.getSolution().col_value)
                program.low[free] = np.minimum(program.low[free], x)
                program.high[free] = np.maximum(program.high[free], x)


_banner_shown = False


def _highs() -> highspy.Highs:
    """A new solver. The first one in a process prints HiGHS's banner on standard output whatever its
    options (in a log, or in the output of a command that is piped on): that one is made with the
    output sent nowhere."""
    global _banner_shown
    if _banner_shown:
        return highspy.Highs()
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 1)
            highs = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _banner_shown = True
    return highs


def _model(matrix, bounds: np.ndarray, lower, upper) -> highspy.Highs:
    """A HiGHS model: columns within `bounds`, rows lower ≤ matrix·x ≤ upper, no objective yet."""
    size = matrix.shape[1]
    matrix = matrix.tocsc()
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = size, len(upper)
    lp.col_cost_ = np.zeros(size)
    lp.col_lower_, lp.col_upper_ = bounds[:, 0].copy(), bounds[:, 1].copy()
    lp.row_lower_, lp.row_upper_ = lower, upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    highs = _highs()
    highs.silent()
    highs.passModel(lp)
    return highs
