from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import enrolments as views

urlpatterns = [
    path("mijn/", views.mine, name="mine"),
    path("groepen/<int:pk>/aanmelden/", views.enrol, name="enrol"),
    path("inschrijvingen/<int:pk>/afmelden/", views.cancel, name="cancel"),
    path("organisatie/<int:pk>/", views.organisation, name="organisation"),
    path("beheer/aanvragen/", views.queue, name="manage_queue"),
    path("beheer/inschrijvingen/<int:pk>/goedkeuren/", views.approve, name="manage_approve"),
    path("beheer/inschrijvingen/<int:pk>/afwijzen/", views.decline, name="manage_decline"),
    path("beheer/inschrijvingen/<int:pk>/afgerond/", views.complete, name="manage_complete"),
    path("beheer/inschrijvingen/<int:pk>/uitschrijven/", views.remove, name="manage_remove"),
    path("beheer/groepen/<int:pk>/deelnemers/", views.cohort_enrolments, name="manage_cohort_enrolments"),
]

register_manage_link(
    ManageLink(
        _("Aanmeldingen goedkeuren"),
        "learning:manage_queue",
        order=15,
        description=_("Aanmeldingen voor cursussen die eerst goedgekeurd moeten worden."),
    )
)
