"""The action centre's own vocabulary: what kind of help is asked or offered (a bit set, see lib.flags).

Themes and the six dimensions are shared by every app: ``veerkracht.core.vocabulary``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.lib.flags import Flags

HELP_TYPES = Flags(
    [
        ("people", _("Mensen die meedoen")),
        ("place", _("Een plek")),
        ("money", _("Geld")),
        ("knowledge", _("Kennis en advies")),
        ("contacts", _("Contacten")),
        ("publicity", _("Bekendheid")),
    ]
)
