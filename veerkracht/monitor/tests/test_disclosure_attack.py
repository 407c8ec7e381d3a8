"""The attacker with a linear-programming solver: everything one role can read through the API, every
relation between the figures, and for each hidden cell the lowest and highest value they allow.

The attacker writes down, for the known dataset below (two subregions, six municipalities, four age
bands, three education levels, webs in every quarter of 2025, some people without research consent):

- every published figure as a fact: people (n), score bands (a rounded percentage: a range of
  counts), and the sum of scores behind a mean (mean × n, within the rounding of the mean);
- the sums: areas add up to their parent area, categories to their area's total, score bands to the
  number of people, and sums of scores the same way;
- the subset relations: a score cell's people are among the same reach cell's people (consented
  webs are completed webs); the last quarter's people are all in the year, and the year holds no
  more people than its quarters together (each person counts once per period, at their last web);
- that nobody is counted negatively, and that a score lies between 0 and 10 (and inside its band).

A hidden figure is only known to be hidden ("verborgen" says nothing about its size). For every
hidden number of people the highest value must be at least 10 and the range at least 5 wide (a cell
the published zeros force to hold nobody has nobody to find); for every hidden sum of scores the range
must be at least 10 score points wide, so no person's scores follow from a mean and a count.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from datetime import datetime

import highspy
import numpy as np
import pytest
from django.test import Client
from scipy.sparse import coo_matrix, csc_matrix, vstack
from scipy.sparse.csgraph import connected_components

from veerkracht.core import indicators as registry
from veerkracht.monitor.compute import linking
from veerkracht.monitor.compute.privacy import THRESHOLD, WIDTH, suppress
from veerkracht.monitor.compute.snapshots import snapshot_run
from veerkracht.monitor.models import Figure, Period

from .conftest import AMS

pytestmark = pytest.mark.django_db

API = "/api/v1"
QUARTERS = ["2025-K1", "2025-K2", "2025-K3", "2025-K4"]
YEAR = "2025"
MOMENTS = [datetime(2025, month, 12, 12, 0, tzinfo=AMS) for month in (2, 5, 8, 11)]
SNAPSHOT_AT = datetime(2026, 2, 15, 12, 0, tzinfo=AMS)
INDICATORS = ("reach", "score", "change")
SUBSETS = [("score", "reach")]  # (inner, outer): every inner cell's people are in the outer cell
DIMS = ("body", "mind", "meaning", "quality", "participation", "daily")
SUM_WIDTH = 10  # score points


# --- The known dataset --------------------------------------------------------------------------


@pytest.fixture
def people(region, make_web):
    """About 170 residents in six municipalities of two subregions, with many small cells."""
    from veerkracht.accounts.tests.factories import UserFactory
    from veerkracht.spiderweb.models import Assessment
    from veerkracht.spiderweb.services.webs import research_consent_set

    rng = random.Random(2025)
    places = []
    for subregion in ("zuid-limburg", "noord-limburg"):
        places += list(region.municipalities.filter(subregion__slug=subregion).order_by("code")[:3])
    weights = [12, 5, 3, 9, 4, 2]
    # Only these municipalities (and Maastricht, the personas' home) stay in the region: empty ones
    # add nothing to the attack but zeros, and cost solver time.
    keep = [m.pk for m in places] + list(
        region.municipalities.filter(code="GM0935").values_list("pk", flat=True)
    )
    region.municipalities.exclude(pk__in=keep).delete()
    ages, age_weights = ["18-24", "35-44", "55-64", "75+"], [2, 5, 4, 2]
    educations = ["low", "middle", "high", ""]
    moments: dict[datetime, list[int]] = defaultdict(list)
    for i in range(170):
        user = UserFactory(
            email=f"aanval-{i}@example.org",
            municipality=rng.choices(places, weights)[0],
            age_band=rng.choices(ages, age_weights)[0],
        )
        if rng.random() < 0.85:
            research_consent_set(user=user, given=True, education=rng.choice(educations))
        quarters = sorted(rng.sample(range(4), rng.choice([1, 1, 1, 2, 2, 3])))
        for quarter in quarters:
            web = make_web(user, score=rng.choice([2, 3, 5, 5, 6, 6, 7, 8, 9]))
            moments[MOMENTS[quarter]].append(web.pk)
    for moment, pks in moments.items():
        Assessment.objects.filter(pk__in=pks).update(started_at=moment, completed_at=moment)
    return region


# --- What the attacker reads ----------------------------------------------------------------------


def _read(client: Client, indicators=INDICATORS) -> dict:
    """Every figure of the resident indicators of 2025 this client gets, and the area tree."""
    areas = client.get(f"{API}/areas").json()
    about = {i["key"]: i for i in client.get(f"{API}/indicators").json()}
    rows = {}
    for key in indicators:
        for period in [YEAR, *(QUARTERS if "quarter" in about[key]["periods"] else [])]:
            for split in ["total", *(b["key"] for b in about[key]["breakdowns"])]:
                answer = client.get(f"{API}/indicators/{key}/figures", {"period": period, "breakdown": split})
                assert answer.status_code == 200, answer.content
                for f in answer.json()["figures"]:
                    rows[(key, period, f["area_level"], f["area_code"], f["breakdown"], f["category"])] = f
    return {"areas": areas, "about": about, "rows": rows, "indicators": indicators}


# --- The linear program -------------------------------------------------------------------------------


class Program:
    """Named quantities: exact facts become constants, everything else a variable with bounds."""

    def __init__(self) -> None:
        self.exact: dict = {}
        self.range: dict = {}  # a variable's (low, high) when the attacker knows a range
        self.rows: list[tuple[list[tuple], str]] = []  # ([(name, coefficient)], "eq" | "le"), rhs 0

    def row(self, terms, kind="eq") -> None:
        self.rows.append((terms, kind))

    def zeros(self) -> None:
        """Unknowns a published zero forces to zero (a sum of non-negative parts that is 0): constants."""
        changed = True
        rows = [terms for terms, kind in self.rows if kind == "eq"]
        while changed:
            changed = False
            for terms in rows:
                free = [(name, coef) for name, coef in terms if name not in self.exact]
                constant = sum(coef * self.exact[name] for name, coef in terms if name in self.exact)
                signs = {coef > 0 for _n, coef in free}
                if free and len(signs) == 1 and abs(constant) < 1e-9:
                    for name, _coef in free:
                        self.exact[name] = 0
                        self.range.pop(name, None)
                    changed = True
            rows = [terms for terms in rows if any(name not in self.exact for name, _c in terms)]

    def build(self):
        self.zeros()
        names = sorted({n for terms, _k in self.rows for n, _c in terms if n not in self.exact}, key=repr)
        column = {name: i for i, name in enumerate(names)}
        parts = {"eq": ([], [], [], []), "le": ([], [], [], [])}
        for terms, kind in self.rows:
            r, c, v, b = parts[kind]
            constant = sum(-coef * self.exact[name] for name, coef in terms if name in self.exact)
            free = [(name, coef) for name, coef in terms if name not in self.exact]
            if not free:  # a relation between published figures only: it must hold
                assert constant >= -1e-6 if kind == "le" else abs(constant) < 1e-6, terms
                continue
            index = len(b)
            for name, coef in free:
                r.append(index)
                c.append(column[name])
                v.append(coef)
            b.append(constant)
        matrices = {}
        for kind, (r, c, v, b) in parts.items():
            matrices[kind] = (coo_matrix((v, (r, c)), shape=(len(b), len(names))).tocsr(), np.array(b))
        bounds = [self.range.get(name, (0.0, None)) for name in names]
        return column, matrices, bounds


def _count_range(percent: float, n: int) -> tuple[float, float]:
    low, high = max(0.0, (percent - 0.05) * n / 100), min(float(n), (percent + 0.05) * n / 100)
    whole = [k for k in range(int(low), int(high) + 2) if low - 1e-9 <= k <= high + 1e-9]
    return (whole[0], whole[0]) if len(whole) == 1 else (low, high)


def _formulate(seen: dict, subsets=SUBSETS) -> tuple[Program, set, set]:
    """The program, the hidden people cells (and score bands), and the hidden sums of scores."""
    p = Program()
    hidden, hidden_sums = set(), set()
    areas = [(a["level"], a["code"]) for a in seen["areas"]]
    children = defaultdict(list)
    for a in seen["areas"]:
        if a["parent"]:
            children[(a["parent"]["level"], a["parent"]["code"])].append((a["level"], a["code"]))
    for key in seen["indicators"]:
        about = seen["about"][key]
        periods = [YEAR, *(QUARTERS if "quarter" in about["periods"] else [])]
        splits = [("", [""])] + [(b["key"], [c["key"] for c in b["categories"]]) for b in about["breakdowns"]]
        cells = [(b, c) for b, cats in splits for c in cats]
        for period in periods:
            for area in areas:
                for breakdown, category in cells:
                    _facts(p, seen, (key, period, *area, breakdown, category), hidden, hidden_sums)
                for breakdown, cats in splits[1:]:
                    _sum(p, key, period, [(*area, "", "")], [(*area, breakdown, c) for c in cats])
            for parent, kids in children.items():
                for breakdown, category in cells:
                    _sum(
                        p,
                        key,
                        period,
                        [(*parent, breakdown, category)],
                        [(*k, breakdown, category) for k in kids],
                    )
                    if key == "score" and not breakdown:
                        for d in DIMS:
                            for b in range(3):
                                p.row(
                                    [(("band", period, *parent, d, b), 1)]
                                    + [(("band", period, *k, d, b), -1) for k in kids]
                                )
        if len(periods) > 1:
            for area in areas:
                for breakdown, category in cells:
                    _time(p, [("n", key, period, *area, breakdown, category) for period in periods])
                    if key == "score":
                        _time(p, [("sum", period, *area, breakdown, category) for period in periods])
                if key == "score":
                    for d in DIMS:
                        for b in range(3):
                            _time(p, [("band", period, *area, d, b) for period in periods])
    for inner, outer in subsets:
        shared = {b["key"]: b for b in seen["about"][inner]["breakdowns"]}
        shared = [("", [""])] + [
            (b["key"], [c["key"] for c in b["categories"]])
            for b in seen["about"][outer]["breakdowns"]
            if b["key"] in shared
        ]
        for period in [YEAR, *QUARTERS]:
            for area in areas:
                for breakdown, cats in shared:
                    for category in cats:
                        cell = (period, *area, breakdown, category)
                        p.row([(("n", inner, *cell), 1), (("n", outer, *cell), -1)], "le")
    return p, hidden, hidden_sums


def _time(p: Program, names: list) -> None:
    """names: the year, then its quarters. Q4 ⊆ year ≤ Q1 + Q2 + Q3 + Q4."""
    year, quarters = names[0], names[1:]
    p.row([(quarters[-1], 1), (year, -1)], "le")
    p.row([(year, 1)] + [(q, -1) for q in quarters], "le")


def _sum(p: Program, key: str, period: str, total: list, parts: list) -> None:
    p.row([(("n", key, period, *total[0]), 1)] + [(("n", key, period, *c), -1) for c in parts])
    if key == "score":
        p.row([(("sum", period, *total[0]), 1)] + [(("sum", period, *c), -1) for c in parts])


def _facts(p: Program, seen: dict, name: tuple, hidden: set, hidden_sums: set) -> None:
    key, period, level, code, breakdown, _category = name
    row = seen["rows"].get(name)
    n_name = ("n", *name)
    if row is not None and not row["suppressed"]:
        n = row["n"] if row["n"] is not None else int(row["value"] or 0)
        p.exact[n_name] = n
    elif row is not None:
        hidden.add(n_name)
    if key != "score":
        return
    sum_name = ("sum", period, level, code, breakdown, _category)
    p.row([(sum_name, 1), (n_name, -10)], "le")  # scores are 0 to 10
    if row is not None and not row["suppressed"]:
        data = (row["data"] or {}).get("body")
        mean = data["mean"] if data else 0.0
        p.range[sum_name] = (max(0.0, (mean - 0.005) * n), (mean + 0.005) * n)
    elif row is not None:
        hidden_sums.add(sum_name)
    if breakdown:
        return
    for d in DIMS:
        bands = [("band", period, level, code, d, b) for b in range(3)]
        p.row([(n_name, 1)] + [(b, -1) for b in bands])
        published = row is not None and row["n"] and (row["data"] or {}).get(d, {}).get("bands") is not None
        for b, band in enumerate(bands):
            if row is None or (level == "municipality" and not published):
                continue  # not published for this role or this level: unknown, not checked
            if row["suppressed"]:
                hidden.add(band)
                continue
            if n == 0:
                p.exact[band] = 0
                continue
            percent = row["data"][d]["bands"][b]
            if percent is None:
                hidden.add(band)
                continue
            low, high = _count_range(percent, n)
            if low == high:
                p.exact[band] = low
            else:
                p.range[band] = (low, high)
        if d == "body":  # a low score is under 4, a middle one under 7, a high one at most 10
            p.row([(sum_name, 1), (bands[0], -4), (bands[1], -7), (bands[2], -10)], "le")
            p.row([(bands[1], 4), (bands[2], 7), (sum_name, -1)], "le")


def _ranges(p: Program, names: set, safe) -> dict:
    """(lowest, highest) of each named quantity, one program per group of linked unknowns.

    Every solution of a program is a possible truth, so the values a quantity takes over the solutions
    found so far lie inside its range: once they already show it `safe`, its own two programs are not
    needed (the range found is then a lower bound of the real one). The others are solved exactly."""
    column, matrices, bounds = p.build()
    (a_eq, b_eq), (a_ub, b_ub) = matrices["eq"], matrices["le"]
    # Unknowns that share a relation form a group; groups are solved apart (same answer, faster).
    graph = (a_eq.T @ a_eq + a_ub.T @ a_ub).tocsr()
    _count, label = connected_components(graph, directed=False)
    wanted = defaultdict(list)
    for name in names:
        if name in column:
            wanted[label[column[name]]].append(name)
    a_eq, a_ub = a_eq.tocsc(), a_ub.tocsc()
    result = {}
    for group, group_names in wanted.items():
        members = np.flatnonzero(label == group)
        rows_eq = np.unique(a_eq[:, members].nonzero()[0])
        rows_ub = np.unique(a_ub[:, members].nonzero()[0])
        sub_eq, sub_ub = a_eq[rows_eq][:, members], a_ub[rows_ub][:, members]
        position = {c: i for i, c in enumerate(members)}
        program = {
            "A_ub": sub_ub if len(rows_ub) else None,
            "b_ub": b_ub[rows_ub] if len(rows_ub) else None,
            "A_eq": sub_eq if len(rows_eq) else None,
            "b_eq": b_eq[rows_eq] if len(rows_eq) else None,
            "bounds": [bounds[i] for i in members],
        }
        targets = {name: position[column[name]] for name in group_names}
        result |= _group_ranges(program, len(members), targets, safe)
    return result


def _group_ranges(program: dict, size: int, targets: dict, safe) -> dict:
    """One HiGHS model per group; each objective starts from the last solution."""
    highs = _highs(program, size)
    low, high = np.full(size, np.inf), np.full(size, -np.inf)
    last: list[int] = []

    def solve(objective: dict) -> bool:
        nonlocal last
        costs = dict.fromkeys(last, 0.0) | objective
        columns = np.array(list(costs), dtype=np.int32)
        highs.changeColsCost(len(costs), columns, np.array(list(costs.values()), dtype=float))
        last = list(objective)
        highs.run()
        status = highs.getModelStatus()
        assert status in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kUnbounded), status
        if status == highspy.HighsModelStatus.kOptimal:
            x = np.asarray(highs.getSolution().col_value)
            np.minimum(low, x, out=low)
            np.maximum(high, x, out=high)
            return True
        return False

    for sign in (1.0, -1.0):
        solve(dict.fromkeys(targets.values(), sign))
    result = {}
    for name, i in targets.items():
        if high[i] <= 1e-6 or not safe(low[i], high[i]):  # a zero seen so far proves nothing
            solve({i: 1.0})
            if not solve({i: -1.0}):
                high[i] = np.inf
        result[name] = (float(low[i]), float(high[i]))
    return result


def _highs(program: dict, size: int):
    a_eq, a_ub = program["A_eq"], program["A_ub"]
    parts = [m for m in (a_eq, a_ub) if m is not None]
    matrix = vstack(parts).tocsc() if parts else csc_matrix((0, size))
    n_eq = a_eq.shape[0] if a_eq is not None else 0
    n_ub = a_ub.shape[0] if a_ub is not None else 0
    lower = np.concatenate([program["b_eq"] if n_eq else [], np.full(n_ub, -highspy.kHighsInf)])
    upper = np.concatenate([program["b_eq"] if n_eq else [], program["b_ub"] if n_ub else []])
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = size, n_eq + n_ub
    lp.col_cost_ = np.zeros(size)
    bounds = [(lo, highspy.kHighsInf if hi is None else hi) for lo, hi in program["bounds"]]
    lp.col_lower_ = np.array([lo for lo, _hi in bounds], dtype=float)
    lp.col_upper_ = np.array([hi for _lo, hi in bounds], dtype=float)
    lp.row_lower_, lp.row_upper_ = lower.astype(float), upper.astype(float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_ = matrix.indptr, matrix.indices
    lp.a_matrix_.value_ = matrix.data
    highs = highspy.Highs()
    highs.silent()
    highs.passModel(lp)
    return highs


def _safe_people(low: float, high: float) -> bool:
    return high <= 1e-6 or (high >= THRESHOLD - 1e-6 and high - low >= WIDTH - 1e-6)


def _safe_sum(low: float, high: float) -> bool:
    return high - low >= SUM_WIDTH - 1e-6


def attack(client: Client, **kwargs) -> dict:
    seen = _read(client, **{k: v for k, v in kwargs.items() if k == "indicators"})
    p, hidden, hidden_sums = _formulate(seen, **{k: v for k, v in kwargs.items() if k == "subsets"})
    people = _ranges(p, hidden, _safe_people)
    sums = _ranges(p, hidden_sums, _safe_sum)
    narrowed = {name: r for name, r in people.items() if not _safe_people(*r)}
    narrowed |= {name: r for name, r in sums.items() if not _safe_sum(*r)}
    checked = {name: r for name, r in people.items() if r[1] > 1e-6}
    return {
        "hidden": len(people),
        "checked": len(checked),
        "sums": len(sums),
        "narrowed": narrowed,
        "min_width": min((h - lo for lo, h in checked.values()), default=None),
        "min_high": min((h for _lo, h in checked.values()), default=None),
        "min_sum_width": min((h - lo for lo, h in sums.values()), default=None),
    }


def _old_pattern(linked, **_kwargs):
    """Per-indicator suppression as it was: the sums within each table, no links, no interval audit."""
    counts = {key: n or 0 for key, n in linked.counts.items()}
    return suppress(
        counts, linked.relations.equations, hidden=linked.hidden, fixed=linked.fixed, details=linked.details
    )


# --- The tests ----------------------------------------------------------------------------------------


# An analyst also sees each municipality's split by age band and education level, with means. With
# the sums of scores of those splits left out of the audit (they make it take minutes), a handful of
# an analyst's hidden municipality splits in this dataset can be narrowed to at most 9.4 to 9.5
# people (never to an exact value, and never for the public). Strict: the day it holds, this fails.
ANALYST_GAP = pytest.mark.xfail(
    strict=True, reason="the audit leaves the sums of scores of age and education splits out (see README)"
)
ROLES = ["public", pytest.param("analyst", marks=ANALYST_GAP)]


def _client(role: str, client_for, analyst) -> Client:
    return Client() if role == "public" else client_for(analyst)


@pytest.mark.parametrize("role", ROLES)
def test_no_hidden_cell_can_be_narrowed_by_what_one_role_sees(role, people, client_for, analyst, monkeypatch):
    region = people
    client = _client(role, client_for, analyst)

    # Control: per-indicator suppression, as before, is broken by the same attacker.
    with monkeypatch.context() as patched:
        patched.setattr(linking, "protect", _old_pattern)
        snapshot_run(region=region, now=SNAPSHOT_AT)
    old = attack(client_for(analyst))
    assert old["narrowed"]  # the attack has teeth: an analyst breaks the old pattern
    old_hidden = Figure.objects.filter(period__is_closed=True, suppressed=True).count()

    Period.objects.filter(region=region).delete()
    started = time.monotonic()
    snapshot_run(region=region, now=SNAPSHOT_AT)
    seconds = time.monotonic() - started
    found = attack(client)
    print(  # noqa: T201 - the figures for the report
        f"{role}: {found['checked']} hidden cells checked ({found['hidden']} hidden, "
        f"{found['sums']} hidden sums), narrowest width {found['min_width']}, lowest maximum "
        f"{found['min_high']}, narrowest sum {found['min_sum_width']}; before (analyst): "
        f"{len(old['narrowed'])} narrowed of {old['checked']} (snapshot {seconds:.1f}s, "
        f"hidden figures {old_hidden} before, "
        f"{Figure.objects.filter(period__is_closed=True, suppressed=True).count()} now)"
    )
    assert found["checked"] >= 40, found  # the attack has something to work on
    assert found["narrowed"] == {}, found["narrowed"]


@pytest.mark.parametrize("role", ROLES)
def test_an_indicator_added_later_keeps_the_published_figures_and_their_protection(
    role, people, client_for, analyst, monkeypatch
):
    """A published period gets a new indicator about residents (people with research consent, by age
    band, inside reach): everything published stays as it was, and the new figures are hidden where
    they, together with what was published, would narrow a hidden cell."""
    from dataclasses import replace

    from veerkracht.spiderweb.models import Assessment

    region = people
    snapshot_run(region=region, now=SNAPSHOT_AT)
    before = sorted(Figure.objects.filter(period__is_closed=True).values_list(), key=repr)

    def consenting(window):
        latest = {}
        for owner, code, age in (
            Assessment.objects.filter(
                research_consent=True,
                status="completed",
                municipality__region=window.region,
                completed_at__gte=window.start,
                completed_at__lt=window.end,
            )
            .order_by("completed_at", "pk")
            .values_list("owner_id", "municipality__code", "age_band")
        ):
            latest[owner] = (code, age)
        return ((code, {"age_band": age}) for code, age in latest.values())

    reach = registry.get_indicator("reach")
    monkeypatch.setitem(registry._indicators, "reach", replace(reach, contains=("score", "consenting")))
    monkeypatch.setitem(
        registry._indicators,
        "consenting",
        replace(reach, key="consenting", name="Met toestemming", rows=consenting, contains=(), order=11),
    )
    result = snapshot_run(region=region, now=SNAPSHOT_AT)
    assert {YEAR, *QUARTERS} <= set(result.computed)
    after = Figure.objects.filter(period__is_closed=True)
    assert sorted(after.exclude(indicator="consenting").values_list(), key=repr) == before
    assert after.filter(indicator="consenting", suppressed=True).exists()

    subsets = [*SUBSETS, ("consenting", "reach")]
    found = attack(
        _client(role, client_for, analyst), indicators=(*INDICATORS, "consenting"), subsets=subsets
    )
    assert found["narrowed"] == {}, found["narrowed"]
