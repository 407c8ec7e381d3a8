"""The interval audit: how far linear programming over everything published narrows each hidden cell.

An attacker knows every published figure (exactly, or within its rounding), every sum between them
and every subset relation (the people in a score cell are among the people in the same reach cell; a
quarter's last month is inside the quarter, and so on). Each hidden cell is then an unknown with a
lowest and a highest value the published figures allow. A hidden cell is protected when that range
still holds a value of at least ``threshold`` and is at least ``width`` wide.

The audit splits the unknowns into independent groups (linked by some relation), and finds the range
of each hidden cell with the HiGHS solver. It first looks for two far-apart solutions per group (the
largest and the smallest total of its hidden cells); every solution found widens the known range of
every cell in it, so most cells need no linear program of their own. A cell the solvers prove holds
nobody (its highest value is 0) is not narrowed: there is nobody to find.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np
from scipy.sparse import coo_matrix

EPS = 1e-6
CAP = 1e9  # no count is larger: keeps every program bounded


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
) -> dict[Hashable, tuple[float, float]]:
    """The hidden cells narrowed too far, with the (lowest, highest) value found for them.

    `known` gives the attacker's (low, high) for each published cell; `hidden` are the cells to check;
    every other cell in a relation is an unknown too (a figure this audience never sees). `truth`
    (optional) is one solution the audit may start from (the real values).

    `proven` (optional, updated) holds hidden cells already shown to be safe. Hiding more only takes
    facts away, so a range can only grow: a cell once safe stays safe, and is not checked again."""
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
            found = program.narrowed(checked, threshold, width, truth or {})
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
        bounds = np.array([known.get(key, (0.0, CAP)) for key in members], dtype=float).reshape(-1, 2)
        self.highs = _model(self.size, (r, c, v), bounds, np.array(lower), np.array(upper))
        self.cost: list[int] = []  # the columns with a cost in the last objective
        self.empty: set = set()  # checked cells that hold nobody, whatever else is true
        self.low = np.full(self.size, np.inf)
        self.high = np.full(self.size, -np.inf)

    def solve(self, objective: dict[int, float]) -> bool:
        """Optimise Σ cost × cell over the group. One model per group: each new objective starts from
        the last solution (a warm start), so a thousand objectives cost little more than one."""
        highs = self.highs
        reset = [i for i in self.cost if i not in objective]
        if reset:
            highs.changeColsCost(len(reset), np.array(reset, dtype=np.int32), np.zeros(len(reset)))
        columns = np.array(list(objective), dtype=np.int32)
        highs.changeColsCost(len(columns), columns, np.array(list(objective.values()), dtype=float))
        self.cost = list(objective)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return False
        x = np.asarray(highs.getSolution().col_value)
        np.minimum(self.low, x, out=self.low)
        np.maximum(self.high, x, out=self.high)
        return True

    def narrowed(self, checked: list, threshold: int, width: int, truth: Mapping) -> dict:
        if all(key in truth for key in self.column):
            point = np.array([truth[key] for key in self.column], dtype=float)
            self.low, self.high = point.copy(), point.copy()
        targets = [self.column[key] for key in checked]
        # The smallest total of the hidden cells.
        if not self.solve(dict.fromkeys(targets, 1.0)):  # the figures contradict the relations: hide more
            return dict.fromkeys(checked, (0.0, 0.0))
        # The largest total: one solution that widens many cells at once; the rest are solved one by one.
        self.solve(dict.fromkeys(targets, -1.0))
        failing = {}
        for key in checked:
            i = self.column[key]
            if not self._safe(i, threshold, width):
                found = self._widen(i, threshold, width)
                if found is not None:
                    failing[key] = found
                elif self.high[i] <= EPS:
                    self.empty.add(key)
        return failing

    def _safe(self, i: int, threshold: int, width: int) -> bool:
        return self.high[i] >= threshold - EPS and self.high[i] - self.low[i] >= width - EPS

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


def _model(size: int, entries: tuple[list, list, list], bounds: np.ndarray, lower, upper) -> highspy.Highs:
    """A HiGHS model: `size` columns within `bounds`, rows lower ≤ A·x ≤ upper, no objective yet."""
    rows, columns, values = entries
    matrix = coo_matrix((values, (rows, columns)), shape=(len(upper), size)).tocsc()
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = size, len(upper)
    lp.col_cost_ = np.zeros(size)
    lp.col_lower_, lp.col_upper_ = bounds[:, 0].copy(), bounds[:, 1].copy()
    lp.row_lower_, lp.row_upper_ = lower, upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    highs = highspy.Highs()
    highs.silent()
    highs.passModel(lp)
    return highs
