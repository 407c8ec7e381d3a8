from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veerkracht.spiderweb import selectors
from veerkracht.spiderweb.models import Assessment, Status
from veerkracht.spiderweb.services import webs as web_services

pytestmark = pytest.mark.django_db


def _dimension_items(instrument, index):
    return [i["key"] for i in instrument.dimension(index)["items"]]


def test_a_step_needs_every_item_with_a_whole_number_from_0_to_10(instruments):
    instrument = instruments["volwassenen"]
    keys = _dimension_items(instrument, 0)
    good = dict.fromkeys(keys, "7")
    assert web_services.clean_step(instrument, 0, good, []).scores == dict.fromkeys(keys, 7)
    for bad in ("11", "-1", "5.5", "zes", "", "07", "1e1"):
        with pytest.raises(ValidationError) as info:
            web_services.clean_step(instrument, 0, {**good, keys[0]: bad}, [])
        assert info.value.params["items"] == [keys[0]]
    with pytest.raises(ValidationError, match="Kies bij elke zin een cijfer"):
        web_services.clean_step(instrument, 0, {keys[0]: "5"}, [])


def test_going_back_keeps_partial_answers_but_never_wrong_ones(instruments):
    instrument = instruments["volwassenen"]
    keys = _dimension_items(instrument, 1)
    assert web_services.clean_step(instrument, 1, {keys[0]: "3"}, [], partial=True).scores == {keys[0]: 3}
    with pytest.raises(ValidationError):
        web_services.clean_step(instrument, 1, {keys[0]: "42"}, [], partial=True)


def test_an_item_from_another_step_or_instrument_is_refused(instruments):
    adult, child = instruments["volwassenen"], instruments["kinderen"]
    good = dict.fromkeys(_dimension_items(adult, 0), "5")
    other_step = _dimension_items(adult, 1)[0]
    other_instrument = next(k for k in child.item_keys if k not in adult.item_keys)
    for foreign in (other_step, other_instrument, "body.bestaat_niet"):
        with pytest.raises(ValidationError, match="niet bij deze stap"):
            web_services.clean_step(adult, 0, {**good, foreign: "5"}, [])
        with pytest.raises(ValidationError, match="niet bij deze stap"):
            web_services.clean_step(adult, 0, good, [foreign])
    with pytest.raises(ValidationError, match="bestaat niet"):
        web_services.clean_step(adult, 6, good, [])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    data=st.dictionaries(
        st.one_of(st.sampled_from(["body.x", "mind.energy", "", "item"]), st.text(max_size=12)),
        st.one_of(st.integers(-100, 100).map(str), st.text(max_size=4), st.none()),
        max_size=10,
    ),
    use_real=st.booleans(),
    value=st.integers(-3, 13),
)
def test_clean_step_accepts_only_valid_answers_whatever_it_is_sent(instruments, data, use_real, value):
    instrument = instruments["eenvoudig"]
    keys = _dimension_items(instrument, 2)
    if use_real:
        data = {**data, **dict.fromkeys(keys, str(value))}
    try:
        step = web_services.clean_step(instrument, 2, data, [])
    except ValidationError:
        return
    assert set(step.scores) == set(keys)
    assert all(0 <= v <= 10 for v in step.scores.values())


def test_completing_computes_the_mean_per_dimension_and_copies_profile_data(resident, instruments):
    instrument = instruments["volwassenen"]
    web = web_services.assessment_start(owner=resident, instrument=instrument)
    for index in range(len(instrument.dimensions)):
        values = {key: str((n * 3) % 11) for n, key in enumerate(_dimension_items(instrument, index))}
        web = web_services.assessment_save_step(
            assessment=web, index=index, step=web_services.clean_step(instrument, index, values, [])
        )
    web = web_services.assessment_complete(assessment=web)
    first = _dimension_items(instrument, 0)
    expected = round(sum((n * 3) % 11 for n in range(len(first))) / len(first), 2)
    assert web.score_body == expected
    assert web.status == Status.COMPLETED and web.completed_at
    assert web.municipality == resident.profile.municipality and web.age_band == "35-44"
    assert web.research_consent is False


def test_a_web_cannot_be_completed_twice_or_half(resident, instruments, make_web):
    web = make_web(resident)
    with pytest.raises(ValidationError, match="al opgeslagen"):
        web_services.assessment_complete(assessment=web)
    draft = web_services.assessment_start(owner=resident, instrument=instruments["volwassenen"])
    with pytest.raises(ValidationError, match="Nog niet alle vragen"):
        web_services.assessment_complete(assessment=draft)
    assert Assessment.objects.filter(owner=resident, status=Status.COMPLETED).count() == 1


def test_starting_again_resumes_the_draft(resident, instruments):
    first = web_services.assessment_start(owner=resident, instrument=instruments["kinderen"])
    assert web_services.assessment_start(owner=resident, instrument=instruments["kinderen"]) == first


def test_research_consent_applies_to_all_webs_at_once(resident, make_web):
    webs = [make_web(resident), make_web(resident)]
    web_services.research_consent_set(user=resident, given=True)
    assert all(Assessment.objects.get(pk=w.pk).research_consent for w in webs)
    assert make_web(resident).research_consent is True
    web_services.research_consent_set(user=resident, given=False)
    assert not Assessment.objects.filter(owner=resident, research_consent=True).exists()


def test_education_is_kept_only_with_consent_and_copied_to_every_web(resident, make_web):
    earlier = make_web(resident)
    web_services.research_consent_set(user=resident, given=True, education="low")
    assert Assessment.objects.get(pk=earlier.pk).education == "low"
    assert make_web(resident).education == "low"
    with pytest.raises(ValidationError, match="opleidingen"):
        web_services.research_consent_set(user=resident, given=True, education="phd")
    assert Assessment.objects.get(pk=earlier.pk).education == "low"  # nothing half-saved
    web_services.research_consent_set(user=resident, given=False, education="high")
    assert selectors.research_consent_initial(resident) == {"given": False, "education": ""}
    assert not Assessment.objects.filter(owner=resident).exclude(education="").exists()
    assert make_web(resident).education == ""


def test_reflection_is_saved_with_a_completed_web(resident, instruments, make_web):
    web = make_web(resident)
    reflection = web_services.reflection_save(
        assessment=web, matters_most="  Mijn kleinkinderen  ", focus_dimension="mind"
    )
    assert reflection.matters_most == "Mijn kleinkinderen"
    with pytest.raises(ValidationError):
        web_services.reflection_save(assessment=web, focus_dimension="geluk")
    draft = web_services.assessment_start(owner=resident, instrument=instruments["eenvoudig"])
    with pytest.raises(ValidationError, match="eerst het spinnenweb af"):
        web_services.reflection_save(assessment=draft, matters_most="x")


def test_health_surface_is_the_share_of_the_full_web(resident, make_web):
    assert make_web(resident, score=10).health_surface == 100.0
    assert make_web(resident, score=5).health_surface == 25.0


def test_deleting_the_account_deletes_the_webs(resident, make_web):
    from veerkracht.accounts.services import account_delete

    make_web(resident)
    account_delete(user=resident)
    assert not Assessment.objects.exists()
