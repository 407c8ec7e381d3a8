"""Intervision groups in the back office: names, cohorts and members; reflections are not shown
(they belong to the members)."""

from __future__ import annotations

from django.contrib import admin

from ..models import IntervisionGroup, IntervisionMember


class MemberInline(admin.TabularInline):
    model = IntervisionMember
    extra = 0
    raw_id_fields = ("user",)
    readonly_fields = ("joined_at",)


@admin.register(IntervisionGroup)
class IntervisionGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "cohort", "created_at")
    search_fields = ("name",)
    raw_id_fields = ("cohort", "created_by")
    inlines = [MemberInline]
