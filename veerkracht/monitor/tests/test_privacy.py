"""Small-number protection: primary and complementary suppression, and attempts to undo it."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from veerkracht.monitor.compute.privacy import THRESHOLD, hierarchy_equations, shown, suppress


def determined(equations, values, hidden) -> set:
    """Which hidden keys an attacker can compute exactly from the shown values and the sums.

    Exact Gaussian elimination over fractions: a hidden key is determined when its unit vector lies in
    the row space of the equations restricted to the hidden keys.
    """
    unknowns = sorted(hidden, key=repr)
    index = {key: i for i, key in enumerate(unknowns)}
    rows = []
    for parent, children in equations:
        row = [Fraction(0)] * len(unknowns)
        constant = Fraction(0)
        for key, sign in [(parent, 1), *((c, -1) for c in children)]:
            if key in index:
                row[index[key]] += sign
            else:
                constant -= sign * values[key]
        if any(row):
            rows.append([*row, constant])
    # Reduced row echelon form.
    pivots = []
    r = 0
    for col in range(len(unknowns)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        rows[r] = [v / rows[r][col] for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                factor = rows[i][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append(col)
        r += 1
    found = set()
    for i, col in enumerate(pivots):
        if all(rows[i][c] == 0 for c in range(len(unknowns)) if c != col):
            found.add(unknowns[col])
    return found


def table(counts_by_area: dict[str, dict[str, int]], children: dict[str, list[str]]):
    """Keys (level, code, breakdown, category) for a small region → subregions → municipalities tree."""
    counts = {}
    categories = sorted({c for cats in counts_by_area.values() for c in cats})
    for area, cats in counts_by_area.items():
        for category in categories:
            counts[("a", area, "b", category)] = cats.get(category, 0)

    # Totals and the parents' sums, computed bottom-up.
    def total(area: str, category: str | None) -> int:
        if area in children:
            return sum(total(child, category) for child in children[area])
        if category is None:
            return sum(counts_by_area[area].values())
        return counts_by_area[area].get(category, 0)

    areas = set(counts_by_area) | set(children)
    for area in areas:
        counts[("a", area, "", "")] = total(area, None)
        for category in categories:
            counts[("a", area, "b", category)] = total(area, category)
    tree = {("a", parent): [("a", c) for c in kids] for parent, kids in children.items()}
    equations = hierarchy_equations(counts, area_children=tree, breakdowns={"b": categories})
    return counts, equations


def test_a_cell_under_ten_is_hidden_and_a_second_cell_with_it():
    counts = {"total": 40, "a": 3, "b": 25, "c": 12}
    hidden = suppress(counts, [("total", ["a", "b", "c"])])
    assert hidden == {"a", "c"}  # the smallest other cell goes with it
    assert determined([("total", ["a", "b", "c"])], counts, hidden) == set()


def test_two_small_cells_together_under_ten_get_a_third():
    counts = {"total": 50, "a": 3, "b": 4, "c": 30, "d": 13}
    hidden = suppress(counts, [("total", ["a", "b", "c", "d"])])
    # 3 + 4 = 7 people: subtracting from the total would show a group of 7. So d goes too.
    assert hidden == {"a", "b", "d"}


def test_zeros_are_shown_and_never_used_to_protect():
    counts = {"total": 30, "a": 0, "b": 5, "c": 25}
    hidden = suppress(counts, [("total", ["a", "b", "c"])])
    assert hidden == {"b", "c", "total"} or hidden == {"b", "c"}
    assert "a" not in hidden


def test_a_small_total_is_hidden_and_so_is_one_of_its_parts():
    counts = {"total": 8, "a": 0, "b": 8}
    assert suppress(counts, [("total", ["a", "b"])]) == {"total", "b"}


def test_hiding_spreads_over_the_area_tree():
    counts, equations = table(
        {
            "maastricht": {"low": 30, "high": 40},
            "vaals": {"low": 2, "high": 9},
            "meerssen": {"low": 15, "high": 20},
            "heerlen": {"low": 25, "high": 30},
            "kerkrade": {"low": 20, "high": 22},
        },
        {
            "zuid": ["maastricht", "vaals", "meerssen"],
            "park": ["heerlen", "kerkrade"],
            "limburg": ["zuid", "park"],
        },
    )
    hidden = suppress(counts, equations)
    assert ("a", "vaals", "b", "low") in hidden and ("a", "vaals", "b", "high") in hidden
    assert ("a", "vaals", "", "") not in hidden or ("a", "meerssen", "", "") in hidden
    assert determined(equations, counts, hidden) == set()
    # Every sum: no hidden member alone, and hidden parts of a shown total hold at least 10 people.
    for parent, children in equations:
        hidden_parts = [c for c in children if c in hidden]
        if parent not in hidden and hidden_parts:
            assert len(hidden_parts) >= 2
            assert sum(counts[c] for c in hidden_parts) >= THRESHOLD


def test_shown_gives_the_same_text_everywhere():
    assert shown(12, False) == 12
    assert shown(None, True) == "verborgen"


area_counts = st.dictionaries(
    st.sampled_from(["m1", "m2", "m3", "m4", "m5", "m6"]),
    st.fixed_dictionaries(
        {
            "low": st.integers(0, 30),
            "middle": st.integers(0, 30),
            "high": st.integers(0, 30),
            "unknown": st.integers(0, 4),
        }
    ),
    min_size=6,
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(area_counts)
def test_no_hidden_number_can_be_computed_back_from_any_published_sums(by_area):
    counts, equations = table(
        by_area, {"s1": ["m1", "m2", "m3"], "s2": ["m4", "m5", "m6"], "r": ["s1", "s2"]}
    )
    hidden = suppress(counts, equations)
    assert all(counts[k] >= THRESHOLD or k in hidden for k in counts if counts[k] > 0)
    assert determined(equations, counts, hidden) == set()
    # The sum of scores behind a mean follows the same sums: the same pattern protects it too.
    sums = {k: 7 * v for k, v in counts.items()}
    assert determined(equations, sums, hidden) == set()


def test_a_hidden_score_band_in_a_csv_carries_the_neutral_mark():
    """Not "< 10": a band hidden to protect a neighbour may hold many people, and the mark must not
    tell which bands are small. Hidden bands are empty, with the same "ja" in deel_verborgen."""
    from veerkracht.monitor.presenters.downloads import _dimension_cells

    cells = _dimension_cells("score", {"mean": 6.25, "sd": 1.5, "bands": [20.0, None, None]})
    assert cells == {
        "waarde": "6,25",
        "sd": "1,50",
        "laag_pct": "20",
        "midden_pct": "",
        "hoog_pct": "",
        "deel_verborgen": "ja",
    }


def test_a_zero_is_hidden_when_nothing_else_can_protect_a_cell_its_last_month_published_the_total_of():
    # A stock (people trained) in a quarter equals its last month. The month published Venlo's total,
    # 11, without groups; the quarter splits it in groups: professionals 11, coaches 0, volunteers 0.
    # The professionals' cell is hidden (with its neighbours elsewhere); with the zeros shown it is
    # 11 - 0 - 0 = 11 exactly. Only a zero is left to hide.
    from veerkracht.monitor.compute.intervals import Relations
    from veerkracht.monitor.compute.privacy import Linked, protect

    def month(*cell):
        return ("trained", "2022-12", "municipality", "GM0983", *cell)

    def quarter(*cell):
        return ("trained", "2022-K4", "municipality", "GM0983", *cell)

    groups = ("professional", "coach", "volunteer")
    counts = {month("", ""): 11, quarter("", ""): 11} | {
        quarter("group", g): n for g, n in zip(groups, (11, 0, 0), strict=True)
    }
    linked = Linked(
        counts=counts,
        relations=Relations(
            equations=[
                (quarter("", ""), [quarter("group", g) for g in groups]),
                (quarter("", ""), [month("", "")]),
            ]
        ),
        fixed={month("", "")},
        hidden={quarter("group", "professional")},
    )

    hidden = protect(linked)

    assert quarter("group", "professional") in hidden
    assert hidden & {quarter("group", "coach"), quarter("group", "volunteer")}  # a zero goes with it
    # (The quarter's total may be hidden as well; the month published it, so only it stays "stuck".)
    assert set(linked.stuck) <= {quarter("", "")}


def test_parts_that_are_no_figure_still_bound_the_total_and_the_audit_uses_that():
    # A month splits Limburg and its subregions by group, but not the people without a known
    # municipality ("onbekend"). Limburg's professionals (201) minus those of Noord (45) and Zuid (117)
    # still gives Midden's hidden professionals at most 39: with its coaches and volunteers hidden, and
    # Midden's total (47) shown, that pins them unless more is hidden.
    from veerkracht.monitor.compute.intervals import Relations
    from veerkracht.monitor.compute.privacy import Linked, hierarchy_bounds, hierarchy_equations, protect

    def cell(area, group=""):
        level = "region" if area == "limburg" else "subregion"
        return (level, area, "group" if group else "", group)

    tree = {
        ("region", "limburg"): [("subregion", s) for s in ("noord", "midden", "zuid")]
        + [("municipality", "onbekend")]
    }
    groups = ["professional", "coach", "volunteer"]
    counts = {cell("limburg"): 250, cell("noord"): 67, cell("midden"): 47, cell("zuid"): 136}
    counts |= {
        cell("limburg", "professional"): 201,
        cell("limburg", "coach"): 19,
        cell("limburg", "volunteer"): 30,
    }
    counts |= {cell("noord", "professional"): 45, cell("noord", "coach"): 10, cell("noord", "volunteer"): 12}
    counts |= {cell("midden", "professional"): 39, cell("midden", "coach"): 2, cell("midden", "volunteer"): 6}
    counts |= {cell("zuid", "professional"): 117, cell("zuid", "coach"): 7, cell("zuid", "volunteer"): 12}
    breakdowns = {"group": groups}
    equations = hierarchy_equations(counts, area_children=tree, breakdowns=breakdowns)
    bounds = hierarchy_bounds(counts, area_children=tree, breakdowns=breakdowns)
    # No region-wide sum is an equation (the "onbekend" parts are missing), but each is a bound.
    assert not [parts for parent, parts in equations if parent[0] == "region" and parts[0][0] == "subregion"]
    assert (
        cell("limburg", "professional"),
        [cell(s, "professional") for s in ("noord", "midden", "zuid")],
    ) in bounds

    def linked_with(with_bounds: bool) -> Linked:
        key = lambda c: ("trained", "2022-12", *c)  # noqa: E731 - a short name for the keys
        return Linked(
            counts={key(c): n for c, n in counts.items()},
            relations=Relations(
                equations=[(key(p), [key(c) for c in parts]) for p, parts in equations],
                linear=[
                    ([(key(p), -1.0), *((key(c), 1.0) for c in parts)], False)
                    for p, parts in (bounds if with_bounds else [])
                ],
            ),
        )

    from veerkracht.monitor.compute.intervals import narrowed

    def narrowed_by_an_attacker(hidden: set) -> dict:
        attacker = linked_with(True)  # knows the bounds, whatever the audit knew
        known = {k: (n, n) for k, n in attacker.counts.items() if k not in hidden}
        return narrowed(attacker.relations, known, hidden, threshold=10, width=5)

    hidden_without = protect(linked_with(False))
    assert narrowed_by_an_attacker(hidden_without)  # an audit without the bounds gives Midden away
    linked = linked_with(True)
    hidden = protect(linked)
    assert linked.stuck == {}
    assert ("trained", "2022-12", *cell("midden", "professional")) in hidden
    assert narrowed_by_an_attacker(hidden) == {}
