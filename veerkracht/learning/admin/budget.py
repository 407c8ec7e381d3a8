"""The budget in the back office: funding sources, lines and targets can be looked up; changes go
through the coordinator's pages (/scholing/beheer/budget/), which check the money and log the change.
The ledger is read-only here: a booking is never changed or removed, only followed by another."""

from __future__ import annotations

from django.contrib import admin

from ..models import BudgetEntry, BudgetLine, FundingSource, Target


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    has_delete_permission = has_change_permission


@admin.register(FundingSource)
class FundingSourceAdmin(_ReadOnly):
    list_display = ["name", "amount_cents", "starts_on", "ends_on", "region"]
    search_fields = ["name"]


@admin.register(BudgetLine)
class BudgetLineAdmin(_ReadOnly):
    list_display = ["source", "target_group", "course", "amount_cents"]
    list_select_related = ["source", "course"]


@admin.register(Target)
class TargetAdmin(_ReadOnly):
    list_display = ["target_group", "people", "reached", "starts_on", "ends_on"]


@admin.register(BudgetEntry)
class BudgetEntryAdmin(_ReadOnly):
    list_display = ["booked_on", "kind", "amount_cents", "target_group", "course", "line", "over_budget"]
    list_filter = ["kind", "target_group", "over_budget"]
    list_select_related = ["course", "line__source"]
    date_hierarchy = "booked_on"
