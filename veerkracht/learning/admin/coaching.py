"""Implementation coaching in the back office: which coach supports which organisation (region admins
may correct a link). Plans and the contact log are not back-office data: they are for the coaches, the
organisation's admins and the training coordinators, on the site."""

from __future__ import annotations

from django.contrib import admin

from ..models import CoachLink


@admin.register(CoachLink)
class CoachLinkAdmin(admin.ModelAdmin):
    list_display = ["organisation", "coach", "starts_on", "ends_on"]
    list_select_related = ["organisation", "coach"]
    search_fields = ["organisation__name", "coach__email"]
    fields = ["coach", "organisation", "starts_on", "ends_on"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["coach"]
