from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import certificates as views

urlpatterns = [
    path("certificaten/", views.mine, name="certificates_mine"),
    path("certificaat/", views.verify_form, name="certificate_verify_form"),
    path("certificaat/uitgever.json", views.issuer, name="certificate_issuer"),
    path("certificaat/sleutels.json", views.keys, name="certificate_keys"),
    path("certificaat/<str:number>/", views.verify, name="certificate_verify"),
    path("certificaat/<str:number>/pdf/", views.pdf, name="certificate_pdf"),
    path("certificaat/<str:number>/badge.json", views.badge, name="certificate_badge"),
    path("certificaat/<str:number>/badge.jwt", views.badge_jwt, name="certificate_badge_jwt"),
    path("beheer/certificaten/", views.manage, name="certificates_manage"),
    path("beheer/certificaten/<str:number>/intrekken/", views.revoke, name="certificate_revoke"),
    path("beheer/certificaten/<str:number>/opnieuw/", views.reissue, name="certificate_reissue"),
]

register_manage_link(
    ManageLink(
        label=_("Certificaten"),
        url_name="learning:certificates_manage",
        order=60,
        description=_("Alle uitgegeven certificaten; een certificaat intrekken."),
    )
)
