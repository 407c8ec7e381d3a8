"""Model permissions for the Django admin, derived from roles instead of per-user permission rows.

Region admins use the admin as back office. They get exactly the model permissions listed in
BACK_OFFICE_PERMISSIONS; health data (spider webs) and second-factor secrets are never listed, so the
admin cannot show them to anyone but a technical superuser — and those apps register no admin at all.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import BaseBackend

from .models import Role

ALL = ("view", "add", "change", "delete")
BACK_OFFICE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "accounts": {
        "user": ("view", "change"),
        "organisation": ALL,
        "membership": ALL,
        "roleassignment": ALL,
        "profile": ("view", "change"),
    },
    "regions": {"region": ("view", "change"), "subregion": ALL, "municipality": ("view", "change")},
    "core": {"auditlogentry": ("view",)},
    # Events and who organises them; attendees (registrations, evaluations) are never listed.
    "agenda": {"event": ("view", "change"), "series": ("view",)},
    "account": {"emailaddress": ("view",)},
}


class RolePermissionBackend(BaseBackend):
    def _is_back_office(self, user) -> bool:
        return bool(user.is_active and user.is_authenticated and user.has_role(Role.REGION_ADMIN))

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if obj is not None or not self._is_back_office(user_obj):
            return False
        app_label, _, codename = perm.partition(".")
        action, _, model = codename.partition("_")
        return action in BACK_OFFICE_PERMISSIONS.get(app_label, {}).get(model, ())

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return self._is_back_office(user_obj) and app_label in BACK_OFFICE_PERMISSIONS


class LoginBackend(AllauthBackend):
    """allauth's login backend without Django's permission tables.

    Permissions come from roles (RolePermissionBackend) and `rules`; nobody is given Django
    permission rows, so asking the tables would only cost two queries per check.
    """

    def get_user_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        return False

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return False
