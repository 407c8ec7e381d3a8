from __future__ import annotations

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from .audit import log_action
from .models import AuditLogEntry
from .personal_data import private_log_codes


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    """The audit log for the back office, without what is private to a person.

    Health-related lines (who viewed whose spider web, shares, notes, consent: see each app's
    personal_data.private_log_codes) are left out for everyone, superusers included: they are shown
    only to the person they are about, in their own access log. Every look at this log is logged.
    """

    list_display = ["created_at", "code", "actor", "subject_type", "subject_id"]
    list_filter = ["code"]
    search_fields = ["code", "subject_id", "actor__email"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditLogEntry._meta.fields]
    list_select_related = ["actor"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditLogEntry]:
        private = Q()
        for prefix in private_log_codes():
            private |= Q(code__startswith=prefix)
        return super().get_queryset(request).exclude(private) if private else super().get_queryset(request)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        log_action("core.auditlog.viewed", actor=request.user, data={"query": request.GET.urlencode()[:200]})
        return super().changelist_view(request, extra_context)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        log_action("core.auditlog.viewed", actor=request.user, data={"entry": str(object_id)[:20]})
        return super().change_view(request, object_id, form_url, extra_context)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
