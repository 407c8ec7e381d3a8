"""The policy register: saving with history, who may change it, the public pages, the CSV and the map."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from veerkracht.accounts.models import OrganisationType
from veerkracht.accounts.services import membership_set
from veerkracht.accounts.tests.factories import OrganisationFactory, UserFactory
from veerkracht.core.models import AuditLogEntry
from veerkracht.lib import geo
from veerkracht.policy import services as policy_services
from veerkracht.policy.models import MunicipalityPolicy, PolicyVersion
from veerkracht.policy.permissions import can_edit_policy, get_municipality_for_policy
from veerkracht.policy.services import policy_save
from veerkracht.policy.views import FILTERED_OUT_COLOUR, STATUS_COLOURS
from veerkracht.regions.models import Municipality
from veerkracht.regions.tests.factories import MunicipalityFactory, RegionFactory

from .factories import PolicyFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
THIS_YEAR = timezone.localdate().year


def _state(**changes) -> dict:
    state = {
        "in_policy": True,
        "since_year": 2018,
        "document_title": "Lokale gezondheidsnota Maastricht 2020-2024",
        "document_url": "https://example.org/maastricht/nota",
        "levels": ["meso", "macro"],
        "themes": ["debt", "work"],
        "notes": "In de wijkteams en bij schuldhulp.",
    }
    return state | changes


@pytest.fixture
def maastricht(region) -> Municipality:
    return region.municipalities.get(code="GM0935")


@pytest.fixture
def member(region, maastricht):
    """Works for the municipality of Maastricht (an ordinary member, no platform role)."""
    organisation = OrganisationFactory(
        name="Gemeente Maastricht", type=OrganisationType.MUNICIPALITY, municipality=maastricht
    )
    user = UserFactory(email="beleid@maastricht.example.org", display_name="Eva Beleid")
    membership_set(organisation=organisation, user=user)
    return user


@pytest.fixture
def other_member(region):
    """Works for another municipality (Heerlen)."""
    organisation = OrganisationFactory(
        name="Gemeente Heerlen",
        type=OrganisationType.MUNICIPALITY,
        municipality=region.municipalities.get(code="GM0917"),
    )
    user = UserFactory(email="beleid@heerlen.example.org")
    membership_set(organisation=organisation, user=user)
    return user


@pytest.fixture
def superuser(region):
    user = UserFactory(email="root@example.org")
    user.is_superuser = True
    user.save()
    return user


def save(municipality, user=None, **changes) -> MunicipalityPolicy:
    return policy_save(municipality=municipality, user=user, **_state(**changes))


# --- Service ----------------------------------------------------------------------------------


def test_saving_writes_the_entry_a_version_and_a_log_line(maastricht, member):
    policy = save(maastricht, member)
    policy.refresh_from_db()
    assert policy.in_policy is True and policy.since_year == 2018
    assert policy.updated_by == member and policy.updated_at is not None
    version = policy.versions.get()
    assert version.data == _state() and version.changed_by == member
    assert version.changed_at == policy.updated_at
    entry = AuditLogEntry.objects.get(code="monitor.policy.changed")
    assert entry.actor == member and entry.subject_id == str(policy.pk)
    assert entry.data["municipality"] == "GM0935" and "since_year" in entry.data["changed"]


def test_each_change_adds_a_version_with_the_full_state(maastricht, member):
    save(maastricht, member)
    save(maastricht, member, since_year=2019, themes=["debt", "youth"])
    policy = MunicipalityPolicy.objects.get(municipality=maastricht)
    newest, oldest = list(policy.versions.all())
    assert oldest.data["since_year"] == 2018
    assert newest.data == _state(since_year=2019, themes=["debt", "youth"])
    logged = AuditLogEntry.objects.filter(code="monitor.policy.changed").order_by("pk").last()
    assert sorted(logged.data["changed"]) == ["since_year", "themes"]


def test_saving_without_a_change_writes_nothing(maastricht, member):
    first = save(maastricht, member)
    again = save(
        maastricht, member, levels=["macro", "meso", "meso"], notes="  In de wijkteams en bij schuldhulp. "
    )
    assert again.pk == first.pk and again.updated_at == first.updated_at
    assert PolicyVersion.objects.count() == 1
    assert AuditLogEntry.objects.filter(code="monitor.policy.changed").count() == 1


def test_an_empty_save_for_a_new_municipality_writes_nothing(maastricht, member):
    empty = dict.fromkeys(("document_title", "document_url", "notes"), "")
    policy = policy_save(
        municipality=maastricht, user=member, in_policy=None, since_year=None, levels=[], themes=[], **empty
    )
    assert policy.pk is None
    assert not MunicipalityPolicy.objects.exists() and not PolicyVersion.objects.exists()


def test_keys_are_put_in_order_once_and_text_is_trimmed(maastricht):
    policy = save(
        maastricht, levels=["macro", "nano", "macro"], themes=["work", "debt"], document_title=" Nota "
    )
    assert policy.levels == ["nano", "macro"] and policy.themes == ["debt", "work"]
    assert policy.document_title == "Nota"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"levels": ["meso", "giga"]}, "levels", "Kies niveaus uit de lijst."),
        ({"themes": ["debt", "sleep"]}, "themes", "Kies thema's uit de lijst."),
        ({"since_year": 1989}, "since_year", f"Vul een jaartal in van 1990 tot en met {THIS_YEAR}."),
        ({"since_year": THIS_YEAR + 1}, "since_year", f"Vul een jaartal in van 1990 tot en met {THIS_YEAR}."),
        ({"since_year": "2018"}, "since_year", "Vul een jaartal in, bijvoorbeeld 2019."),
        ({"in_policy": False}, "since_year", "Vul alleen een jaartal in als Positieve Gezondheid"),
        ({"in_policy": None}, "since_year", "Vul alleen een jaartal in als Positieve Gezondheid"),
        ({"in_policy": "ja"}, "in_policy", "Kies ja, nee of weet ik niet."),
        ({"document_url": "ftp://example.org/nota"}, "document_url", "Een link moet beginnen met https://"),
        ({"document_url": "javascript:alert(1)"}, "document_url", "Een link moet beginnen met https://"),
        ({"document_url": "www.example.org/nota"}, "document_url", "Een link moet beginnen met https://"),
        ({"document_title": "x" * 201}, "document_title", "hoogstens 200 tekens"),
        ({"notes": "x" * 1001}, "notes", "hoogstens 1000 tekens"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_saved(maastricht, member, changes, field, message):
    with pytest.raises(ValidationError) as caught:
        save(maastricht, member, **changes)
    assert message in " ".join(caught.value.message_dict[field])
    assert not MunicipalityPolicy.objects.exists() and not PolicyVersion.objects.exists()


def test_a_year_is_fine_with_yes_and_empty_with_no(maastricht):
    assert save(maastricht, since_year=1990).since_year == 1990
    assert save(maastricht, since_year=THIS_YEAR).since_year == THIS_YEAR
    assert save(maastricht, in_policy=False, since_year=None).in_policy is False


def test_nothing_is_half_saved_when_a_later_step_fails(maastricht, member, monkeypatch):
    save(maastricht, member)

    def broken_log(*args, **kwargs):
        raise RuntimeError("log down")

    monkeypatch.setattr(policy_services, "log_action", broken_log)
    with pytest.raises(RuntimeError):
        save(maastricht, member, since_year=2020)
    policy = MunicipalityPolicy.objects.get(municipality=maastricht)
    assert policy.since_year == 2018 and policy.versions.count() == 1


def test_the_service_refuses_people_who_may_not_change_the_entry(maastricht, resident, other_member):
    for user in (resident, other_member, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            save(maastricht, user)
    assert not MunicipalityPolicy.objects.exists()
    # The system itself (an import, the demo data) saves without a person.
    assert save(maastricht, None).versions.get().changed_by is None


# --- Permissions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        (None, False),
        ("resident", False),
        ("professional", False),
        ("staff", False),
        ("analyst", False),
        ("other_member", False),
        ("member", True),
        ("region_admin", True),
        ("superuser", True),
    ],
)
def test_who_may_change_an_entry(request, maastricht, persona, allowed):
    user = request.getfixturevalue(persona) if persona else AnonymousUser()
    assert can_edit_policy(user, maastricht) is allowed


def test_an_inactive_member_may_not_change_the_entry(maastricht, member):
    member.is_active = False
    member.save()
    assert can_edit_policy(member, maastricht) is False


def test_the_lookup_gives_404_for_unknown_and_other_regions_municipalities(region, region_admin):
    elsewhere = RegionFactory(province_code="PV30")
    MunicipalityFactory(code="GM9999", name="Ergens", region=elsewhere)
    for code in ("GM0000", "GM9999", "GM0935x", ""):
        with pytest.raises(Http404):
            get_municipality_for_policy(region_admin, code, write=True)
    found = get_municipality_for_policy(region_admin, "GM0935", write=True)
    assert found.name == "Maastricht" and found.can_edit_policy


def test_the_lookup_refuses_writing_without_permission(region, analyst):
    assert get_municipality_for_policy(analyst, "GM0935").can_edit_policy is False
    with pytest.raises(PermissionDenied):
        get_municipality_for_policy(analyst, "GM0935", write=True)


# --- Pages ------------------------------------------------------------------------------------


def _fill_register(region, *, yes=("GM0935", "GM0917"), no=("GM0983",)):
    for code in yes:
        save(region.municipalities.get(code=code))
    for code in no:
        PolicyFactory(code=code, **_state(in_policy=False, since_year=None, levels=[], themes=["youth"]))


def _svg(html: str) -> ET.Element:
    start = html.index("<svg xmlns")
    return ET.fromstring(html[start : html.index("</svg>", start) + 6])  # noqa: S314 - our own output


def _table_rows(html: str) -> list[str]:
    body = html[html.index('id="beleid-tabel"') :]
    body = body[: body.index("</tbody>")]
    return re.findall(r'<th class="utrecht-table__header-cell[^"]*" scope="row"><a [^>]*>([^<]+)</a>', body)


def test_the_list_shows_the_share_the_national_reference_and_every_municipality(client, region):
    _fill_register(region)
    response = client.get(reverse("policy:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 van de 31 gemeenten (6%)" in html
    assert "1 gemeente heeft het niet in het beleid." in html
    assert "Van 28 gemeenten weten we het nog niet." in html
    assert "landelijk heeft meer dan de helft van de gemeenten Positieve Gezondheid" in html
    assert "Bron: CBS / PDOK" in html
    assert len(_table_rows(html)) == 31
    assert (
        'href="https://example.org/maastricht/nota">Lokale gezondheidsnota Maastricht 2020-2024</a>' in html
    )
    # Counts per level and theme, each a link to the filtered register.
    assert re.search(r'\?niveau=meso">Meso: organisaties en wijken</a></th>\s*<td[^>]*>2</td>', html)
    assert re.search(r'\?thema=youth">Jeugd</a></th>\s*<td[^>]*>1</td>', html)


def test_the_map_has_one_named_link_per_municipality_coloured_by_status(client, region):
    _fill_register(region)
    root = _svg(client.get(reverse("policy:list")).content.decode())
    assert root.get("role") == "group" and root.find(f"{SVG}title").text.startswith("Kaart van Limburg")
    links = root.findall(f"{SVG}a")
    assert len(links) == 31
    assert len({a.get("href") for a in links}) == 31
    by_label = {a.get("aria-label"): a for a in links}
    maastricht = by_label["Maastricht: staat in het beleid, sinds 2018"]
    assert maastricht.get("href") == reverse("policy:detail", args=["GM0935"])
    assert maastricht.find(f"{SVG}title").text == "Maastricht: staat in het beleid, sinds 2018"
    assert maastricht.find(f"{SVG}path").get("fill") == STATUS_COLOURS["ja"]
    assert by_label["Venlo: staat niet in het beleid"].find(f"{SVG}path").get("fill") == STATUS_COLOURS["nee"]
    assert by_label["Weert: niet bekend"].find(f"{SVG}path").get("fill") == STATUS_COLOURS["onbekend"]


def test_filters_in_the_url_filter_the_table_and_shade_the_map(client, region):
    _fill_register(region)
    save(region.municipalities.get(code="GM0917"), themes=["work"])  # Heerlen: no debt any more
    html = client.get(reverse("policy:list"), {"niveau": "meso", "thema": "debt"}).content.decode()
    assert _table_rows(html) == ["Maastricht"]
    assert "1 van de 31 gemeenten past bij je keuze" in html
    links = _svg(html).findall(f"{SVG}a")
    assert len(links) == 31  # the map still shows the whole region
    fills = {a.get("aria-label"): a.find(f"{SVG}path").get("fill") for a in links}
    assert fills["Maastricht: staat in het beleid, sinds 2018"] == STATUS_COLOURS["ja"]
    assert fills["Heerlen: staat in het beleid, sinds 2018 (past niet bij je keuze)"] == FILTERED_OUT_COLOUR
    assert "Past niet bij je keuze" in html  # in the legend
    # The CSV link keeps the filters, so the download is the table on the screen.
    assert reverse("policy:csv") + "?niveau=meso&amp;thema=debt" in html


def test_a_status_filter_and_a_wrong_filter_value(client, region):
    _fill_register(region)
    html = client.get(reverse("policy:list"), {"status": "nee"}).content.decode()
    assert _table_rows(html) == ["Venlo"]
    html = client.get(reverse("policy:list"), {"niveau": "giga"}).content.decode()
    assert len(_table_rows(html)) == 31  # an unknown value filters nothing


def test_the_list_costs_the_same_queries_for_an_empty_and_a_full_register(
    client, region, django_assert_num_queries
):
    url = reverse("policy:list")
    client.get(url)  # warm the map's shape cache
    with django_assert_num_queries(2):  # the region, the municipalities with their entries
        client.get(url)
    for municipality in region.municipalities.all():
        save(municipality)
    with django_assert_num_queries(2):
        html = client.get(url, {"thema": "debt"}).content.decode()
    assert "31 van de 31 gemeenten (100%)" in html


def test_the_csv_has_the_table_with_a_bom_semicolons_and_the_date(client, region):
    _fill_register(region)
    save(region.municipalities.get(code="GM0917"), document_title='=HYPERLINK("x")')
    response = client.get(reverse("policy:csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="beleid-limburg-{today}.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "gemeente", "cbs_code", "in_beleid", "sinds", "niveaus", "themas", "beleidsstuk", "link", "bijgewerkt"
    ]  # fmt: skip
    assert len(rows) == 32
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Maastricht"] == [
        "Maastricht", "GM0935", "ja", "2018", "meso, macro", "schulden, werk en inkomen",
        "Lokale gezondheidsnota Maastricht 2020-2024", "https://example.org/maastricht/nota", today,
    ]  # fmt: skip
    assert by_name["Venlo"][2:4] == ["nee", ""] and by_name["Weert"][2] == "onbekend"
    assert by_name["Heerlen"][6] == '\'=HYPERLINK("x")'  # never a formula in a spreadsheet
    filtered = client.get(reverse("policy:csv"), {"thema": "youth"}).content.decode("utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(filtered), delimiter=";")][1:] == ["Venlo"]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 302),
        ("resident", 403),
        ("analyst", 403),
        ("other_member", 403),
        ("member", 200),
        ("region_admin", 200),
    ],
)
def test_who_gets_the_edit_page(request, client_for, region, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(reverse("policy:edit", args=["GM0935"]))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_unknown_municipalities_are_404_on_every_page(client_for, region, region_admin):
    client = client_for(region_admin)
    for name in ("policy:detail", "policy:edit"):
        assert client.get(reverse(name, args=["GM0000"])).status_code == 404
    assert client.post(reverse("policy:edit", args=["GM0000"]), {}).status_code == 404


def test_a_member_changes_the_entry_and_sees_it_in_the_history(client_for, region, member, maastricht):
    save(maastricht, member)
    client = client_for(member)
    url = reverse("policy:edit", args=["GM0935"])
    form = client.get(url).content.decode()
    assert re.search(r'<input type="radio" name="in_policy" value="ja"[^>]*checked', form)
    assert re.search(r'value="debt"[^>]*checked', form) and not re.search(r'value="youth"[^>]*checked', form)
    data = _state(since_year=2019, levels=["micro", "meso"], themes=["debt", "district_teams"])
    data["in_policy"] = "ja"
    response = client.post(url, data, follow=True)
    assert response.redirect_chain == [(reverse("policy:detail", args=["GM0935"]), 302)]
    html = response.content.decode()
    assert "Opgeslagen. De wijziging staat in de geschiedenis." in html
    assert "Sinds: was 2018, is nu 2019" in html
    assert "Niveaus erbij: micro" in html
    assert "Niveaus eraf: macro" in html
    assert "Thema&#x27;s erbij: sociale wijkteams" in html
    assert "door Eva Beleid (Gemeente Maastricht)" in html
    assert member.email not in html
    assert PolicyVersion.objects.filter(policy__municipality=maastricht).count() == 2


def test_saving_the_same_again_says_nothing_changed(client_for, region, member, maastricht):
    save(maastricht, member)
    data = _state() | {"in_policy": "ja"}
    response = client_for(member).post(reverse("policy:edit", args=["GM0935"]), data, follow=True)
    assert "Er was niets veranderd." in response.content.decode()
    assert PolicyVersion.objects.count() == 1


def test_bad_input_returns_the_form_with_the_message_and_saves_nothing(client_for, region, region_admin):
    url = reverse("policy:edit", args=["GM0935"])
    data = _state(since_year=2018, document_url="ftp://example.org/nota") | {"in_policy": "nee"}
    response = client_for(region_admin).post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er ging iets mis." in html
    assert "Vul alleen een jaartal in als Positieve Gezondheid in het beleid staat" in html
    assert "Een link moet beginnen met https:// of http://." in html
    assert not MunicipalityPolicy.objects.exists()
    response = client_for(region_admin).post(url, {"since_year": "twintig"})
    html = response.content.decode()
    assert "Kies ja, nee of weet ik niet." in html and "Vul een jaartal in, bijvoorbeeld 2019." in html


def test_the_detail_page_shows_the_entry_and_the_edit_link_only_to_those_allowed(
    client_for, region, maastricht, member, resident, django_assert_max_num_queries
):
    save(maastricht, member)
    url = reverse("policy:detail", args=["GM0935"])
    with django_assert_max_num_queries(8):
        html = client_for(None).get(url).content.decode()
    assert "Gezondheidsbeleid van Maastricht" in html
    assert "Eerste keer ingevuld:" in html and "In het beleid: ja" in html
    edit = reverse("policy:edit", args=["GM0935"])
    assert edit not in html
    assert edit not in client_for(resident).get(url).content.decode()
    assert edit in client_for(member).get(url).content.decode()


def test_the_history_never_shows_an_email_address(client, region, maastricht, member):
    nameless = UserFactory(email="zonder.naam@maastricht.example.org", display_name="")
    membership_set(organisation=member.organisations.get(), user=nameless)
    save(maastricht, nameless)
    save(maastricht, None, since_year=2020)
    html = client.get(reverse("policy:detail", args=["GM0935"])).content.decode()
    assert "door Gemeente Maastricht" in html and "door onbekend" in html
    assert "zonder.naam" not in html


def test_a_municipality_without_an_entry(client, region):
    html = client.get(reverse("policy:detail", args=["GM0935"])).content.decode()
    assert "Er is nog niets ingevuld voor deze gemeente." in html


# --- lib/geo ----------------------------------------------------------------------------------


def test_areas_without_a_link_are_named_images(region):
    codes = tuple(sorted(region.municipalities.values_list("code", flat=True)))
    svg = geo.choropleth_svg(
        shapes=geo.region_shapes(codes),
        areas=[
            geo.Area("GM0935", "Maastricht", "#0b6158", "Maastricht: 12,5%", None),
            ("GM0000", "X", "#fff", "X", "/"),
        ],
        title="Aandeel",
        title_id="a-kaart",
    )
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.get("aria-labelledby") == "a-kaart" and not root.findall(f"{SVG}a")
    (area,) = root.findall(f"{SVG}g")
    assert area.get("role") == "img" and area.get("aria-label") == "Maastricht: 12,5%"
    assert "style=" not in svg


def test_sequential_classes():
    assert [geo.sequential_class(v, 8) for v in (None, 0, 0.5, 2, 2.1, 8, 9)] == [0, 0, 1, 1, 2, 4, 4]
    assert geo.sequential_class(3, 0) == 0


# --- Demo -------------------------------------------------------------------------------------


def test_the_demo_fills_every_municipality_once_with_some_history(region):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.policy import demo as demo_policy

    accounts_demo.load(region)
    lines = demo_policy.load(region)
    assert lines[0] == "  Policy register: 31 municipalities added"
    assert "analist@demo.veerkracht.nl" in lines[1]
    policies = list(MunicipalityPolicy.objects.all())
    assert len(policies) == 31 and all(p.in_policy for p in policies)
    assert {p.since_year for p in policies} <= set(range(2016, 2025))
    assert all(p.document_url.startswith("https://example.org/") for p in policies)
    versions = [p.versions.count() for p in policies]
    assert max(versions) >= 2 and min(versions) == 1 and max(versions) <= 3
    analyst = accounts_demo.demo_user("analyst")
    heerlen = region.municipalities.get(code="GM0917")
    assert can_edit_policy(analyst, heerlen) and not can_edit_policy(
        analyst, region.municipalities.get(code="GM0935")
    )
    snapshot = {p.municipality_id: (p.since_year, p.levels, p.themes, p.document_title) for p in policies}
    assert demo_policy.load(region)[0] == "  Policy register: 0 municipalities added"
    assert PolicyVersion.objects.count() == sum(versions)
    MunicipalityPolicy.objects.all().delete()
    demo_policy.load(region)
    again = {
        p.municipality_id: (p.since_year, p.levels, p.themes, p.document_title)
        for p in MunicipalityPolicy.objects.all()
    }
    assert again == snapshot  # deterministic
