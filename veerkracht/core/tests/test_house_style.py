"""The house rules hold for the whole tree (DESIGN.md, "Layout"), and the checks can fail.

`python -m veerkracht.testing.house -v` prints the same findings with their places.
"""

from __future__ import annotations

import pytest

from veerkracht.testing import house


@pytest.fixture(scope="module")
def imports():
    return house.project_imports()


def test_imports_point_down_the_house(imports):
    assert house.house_violations(imports)["upward"] == []


def test_apps_use_each_other_only_through_selectors_and_services(imports):
    assert house.house_violations(imports)["across"] == []


def test_core_and_lib_import_no_app(imports):
    allowed = {"lib": {"lib"}, "core": {"core", "lib"}}
    wrong = [
        item.text
        for item in imports
        if (below := house.app_of(item.source)) in allowed
        and not house.is_test_module(item.source)
        and house.app_of(item.target) not in (None, *allowed[below])
    ]
    assert wrong == []


def test_a_layer_that_grew_is_a_package_not_suffix_files():
    assert house.suffix_files() == []


def test_no_test_module_imports_another(imports):
    assert house.test_module_imports(imports) == []


def test_views_read_through_selectors_and_never_query_the_orm():
    assert house.orm_lines_in_views() == []


def test_functions_are_short():
    long = [f.text for f in house.functions() if f.length > house.MAX_FUNCTION_LINES]
    assert long == []


def test_views_are_short():
    views = [f for f in house.functions() if house.is_view_module(f.module) and not f.name.startswith("_")]
    assert views, "no views found: the check looks in the wrong place"
    assert [f.text for f in views if f.length > house.MAX_VIEW_LINES] == []


# --- The checks themselves -------------------------------------------------------------------------


def test_an_upward_import_is_found():
    found = house.imports_in("from veerkracht.spiderweb.models import Assessment\n", "veerkracht.core.views")
    assert house.house_violations(found)["upward"] == [
        "veerkracht.core.views:1 imports veerkracht.spiderweb.models.Assessment"
    ]


def test_an_import_of_another_apps_models_is_found_but_its_selectors_are_fine():
    source = (
        "def f():\n"
        "    from veerkracht.spiderweb.models import Assessment\n"
        "    from veerkracht.spiderweb.selectors import completed_webs\n"
        "    from veerkracht.accounts.models import User\n"
    )
    found = house.house_violations(house.imports_in(source, "veerkracht.actioncentre.views.connect"))
    assert found == {
        "upward": [],
        "across": ["veerkracht.actioncentre.views.connect:2 imports veerkracht.spiderweb.models.Assessment"],
    }


def test_relative_imports_are_resolved_in_their_package():
    found = house.imports_in(
        "from ..models import Offer\nfrom . import requests\n", "veerkracht.actioncentre.views.connect"
    )
    assert [i.target for i in found] == [
        "veerkracht.actioncentre.models.Offer",
        "veerkracht.actioncentre.views.requests",
    ]


def test_a_test_module_importing_another_is_found():
    found = house.imports_in(
        "from veerkracht.actioncentre.tests.test_connect_services import make_need\n",
        "veerkracht.actioncentre.tests.test_connect_views",
    )
    found = [house.Import(i.source, i.target.rpartition(".")[0], i.line) for i in found]
    assert len(house.test_module_imports(found)) == 1


@pytest.mark.parametrize(
    ("line", "queries"),
    [
        ("offer = Offer.objects.filter(pk=pk).first()", True),
        ("notes = web.notes.select_related('author')", True),
        ("total = found.count()", True),
        ("name = request.GET.get('naam', '')", False),
        ("items = list(filter(None, values))", False),
    ],
)
def test_the_orm_pattern(line, queries):
    assert bool(house.ORM_CALL.search(line)) is queries
