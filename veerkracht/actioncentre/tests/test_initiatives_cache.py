"""The anonymous copies of the initiative pages and the map counts follow every write at once."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from veerkracht.actioncentre.models import Review
from veerkracht.actioncentre.services import initiatives as services

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_publishing_an_initiative_shows_it_in_the_list_at_once(
    region, staff, django_capture_on_commit_callbacks
):
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        InitiativeFactory(title="Wandelgroep De Berg")
        waiting = InitiativeFactory(title="Moestuin Achter", review=Review.PENDING)
    before = visitor.get(reverse("initiatives:list")).content.decode()
    assert "Wandelgroep De Berg" in before and "Moestuin Achter" not in before
    assert "ETag" in visitor.get(reverse("initiatives:list"))  # the second one is the kept copy
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_review(initiative=waiting, approve=True, actor=staff)
    after = visitor.get(reverse("initiatives:list")).content.decode()
    assert "Moestuin Achter" in after


def test_a_changed_initiative_shows_on_its_page_at_once(region, django_capture_on_commit_callbacks):
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        initiative = InitiativeFactory(title="Buurtkamer Oost")
    url = reverse("initiatives:detail", args=[initiative.slug])
    assert "Buurtkamer Oost" in visitor.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        initiative.title = "Buurtkamer West"
        initiative.save()
    assert "Buurtkamer West" in visitor.get(url).content.decode()


def test_without_a_write_the_kept_copy_is_served(region, django_capture_on_commit_callbacks):
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        initiative = InitiativeFactory(title="Buurtkamer Noord")
    url = reverse("initiatives:detail", args=[initiative.slug])
    visitor.get(url)
    type(initiative).objects.filter(pk=initiative.pk).update(title="Stil veranderd")  # no signal
    assert "Buurtkamer Noord" in visitor.get(url).content.decode()
