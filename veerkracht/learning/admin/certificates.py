"""The back office (/beheer/) shows certificates read-only: issuing and revoking go through the
coordinator's pages, so the audit log always has them."""

from __future__ import annotations

from django.contrib import admin

from ..models import Certificate


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ("number", "holder_name", "course_title", "issued_at", "revoked_at")
    search_fields = ("number", "holder_name", "course_title")
    list_filter = ("revoked_at",)
    readonly_fields = [field.name for field in Certificate._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
