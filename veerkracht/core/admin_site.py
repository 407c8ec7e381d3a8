from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class VeerkrachtAdminSite(admin.AdminSite):
    """The back office for region admins: same login (with two-step code) and the same rules."""

    site_header = _("Veerkracht – beheer")
    site_title = _("Veerkracht beheer")
    index_title = _("Beheer van de regio")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_authenticated and user.has_perm("accounts.use_back_office"))

    def login(self, request: HttpRequest, extra_context=None):
        # One login for everyone: allauth (login code, MFA). A logged-in person without the role
        # gets a 403 instead of a second login form.
        if request.user.is_authenticated:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        next_url = request.GET.get("next") or reverse("admin:index")
        return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


class VeerkrachtAdminConfig(AdminConfig):
    default_site = "veerkracht.core.admin_site.VeerkrachtAdminSite"
