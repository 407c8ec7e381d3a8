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
