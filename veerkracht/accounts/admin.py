from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Membership, Organisation, Profile, RoleAssignment, User


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["display_name", "municipality", "neighbourhood", "age_band", "preferred_language"]


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    fields = ["role", "granted_by", "created_at"]
    readonly_fields = ["granted_by", "created_at"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "display_name", "role_list", "is_active", "date_joined"]
    list_filter = ["is_active", "role_assignments__role"]
    search_fields = ["email", "profile__display_name"]
    ordering = ["email"]
    fields = ["email", "is_active", "date_joined", "last_login"]
    readonly_fields = ["email", "date_joined", "last_login"]
    inlines = [ProfileInline, RoleInline, MembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("profile").prefetch_related("role_assignments")

    @admin.display(description=_("rollen"))
    def role_list(self, obj: User) -> str:
        return ", ".join(a.get_role_display() for a in obj.role_assignments.all())

    def has_add_permission(self, request) -> bool:
        # People create their own account (sign-up); the back office grants roles.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        # Erasure goes through the person's own "delete my account" (services.account_delete).
        return request.user.is_superuser

    def save_formset(self, request, form, formset, change):
        if formset.model is not RoleAssignment:
            return super().save_formset(request, form, formset, change)
        # Role changes go through the services so they are validated and written to the audit log.
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            services.role_revoke(user=obj.user, role=obj.role, actor=request.user)
        for obj in instances:
            if obj.pk:
                original = RoleAssignment.objects.get(pk=obj.pk)
                if original.role != obj.role:
                    services.role_revoke(user=obj.user, role=original.role, actor=request.user)
                    services.role_grant(user=obj.user, role=obj.role, actor=request.user)
            else:
                services.role_grant(user=form.instance, role=obj.role, actor=request.user)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "is_core_partner", "municipality"]
    list_filter = ["type", "is_core_partner", "region"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]
