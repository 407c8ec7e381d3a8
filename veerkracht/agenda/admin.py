"""The agenda in the back office (region admins): which events and series there are, and who organises
them. Organisers make and change events on the site itself, through the services (capacity, waiting
list, mails to everyone registered), so here only the organisers, the organisation and the organiser's
name and address can be changed: e.g. to hand an event over when its organiser has left.

Attendees are not back-office data: there is no admin for registrations, answers or evaluations, and
an event shows only its numbers (places, registrations, checked in).
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from veerkracht.core.audit import log_action

from .models import ACTIVE, Event, Series

EDITABLE = ("organisers", "organisation", "organiser_name", "contact_email")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "municipality", "status", "visibility", "places"]
    list_filter = ["kind", "status", "visibility", "subregion"]
    search_fields = ["title", "theme", "organiser_name"]
    date_hierarchy = "starts_at"
    list_select_related = ["municipality"]
    autocomplete_fields = ["organisers", "organisation"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "status", "visibility", "theme", "starts_at", "ends_at"]}),
        (_("Plek"), {"fields": ["online", "municipality", "subregion", "venue", "address"]}),
        (_("Aanmelden"), {"fields": ["capacity", "places_taken", "registered", "checked_in"]}),
        (_("Organisatie"), {"fields": list(EDITABLE)}),
    ]

    def get_readonly_fields(self, request, obj=None):
        shown = [name for _title, options in self.fieldsets for name in options["fields"]]
        return [name for name in shown if name not in EDITABLE]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                registered_count=Count("registrations", filter=Q(registrations__status__in=ACTIVE)),
                checked_in_count=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
            )
        )

    @admin.display(description=_("plaatsen bezet"))
    def places(self, obj: Event) -> str:
        return f"{obj.places_taken} / {obj.capacity}"

    @admin.display(description=_("aanmeldingen (ook wachtlijst)"))
    def registered(self, obj: Event) -> int:
        return obj.registered_count

    @admin.display(description=_("binnen geweest"))
    def checked_in(self, obj: Event) -> int:
        return obj.checked_in_count

    def has_add_permission(self, request) -> bool:
        # Events are made on the site by organisers (services: capacity, waiting list, calendar).
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        # Cancelling mails everyone registered: organisers do that on the site.
        return False

    def save_related(self, request, form, formsets, change):
        before = set(form.instance.organisers.values_list("pk", flat=True))
        super().save_related(request, form, formsets, change)
        after = set(form.instance.organisers.values_list("pk", flat=True))
        if before != after:
            log_action(
                "agenda.event.organisers_changed",
                actor=request.user,
                subject=form.instance,
                data={"added": sorted(after - before), "removed": sorted(before - after)},
            )


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "rule", "region"]
    search_fields = ["title"]
    readonly_fields = ["region", "title", "rule", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
