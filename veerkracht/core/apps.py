from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .navigation import NavItem


def _back_office(user) -> bool:
    return user.is_authenticated and user.has_perm("accounts.use_back_office")


def _mail_staff(user) -> bool:
    return user.is_authenticated and user.has_perm("core.handle_failed_mail")


def _cache_table(using: str = "default", **kwargs) -> None:
    """The database cache's table (settings.CACHES) exists after every migrate; nothing to do for
    Redis or a process-local cache."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "veerkracht.core"
    label = "core"
    verbose_name = _("Kern")
    nav_items = (
        NavItem(_("Startpagina"), "core:home", order=0, prefix="/"),
        NavItem(_("Positieve Gezondheid"), "core:positive_health", order=10),
        NavItem(
            _("Niet verstuurde e-mail"), "core:failed_mail", order=890, visible=_mail_staff, section="work"
        ),
        NavItem(_("Beheer"), "admin:index", order=900, visible=_back_office, section="work"),
    )

    def ready(self) -> None:
        # Every app's models are loaded now: find what the apps plug in (core/extensions.py).
        from . import indicators, personal_data

        indicators.autodiscover()
        personal_data.autodiscover()
        post_migrate.connect(_cache_table, sender=self, dispatch_uid="core:cache_table")
