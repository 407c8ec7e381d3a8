from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import coaching as views

urlpatterns = [
    path("coaching/", views.my_organisations, name="coaching_mine"),
    path("coaching/<int:pk>/", views.organisation_plan, name="coaching_plan"),
    path("coaching/<int:pk>/doelen/", views.plan_goals, name="coaching_goals"),
    path("coaching/<int:pk>/stappen/", views.plan_step_add, name="coaching_step_add"),
    path("coaching/<int:pk>/stappen/<int:step_pk>/", views.plan_step_done, name="coaching_step_done"),
    path("coaching/<int:pk>/contact/", views.contact_add, name="coaching_contact_add"),
    path("beheer/coaching/", views.manage_coaching, name="coaching_manage"),
    path("beheer/coaching/<int:pk>/stoppen/", views.coach_link_end, name="coaching_link_end"),
]

register_manage_link(
    ManageLink(
        label=_("Implementatiecoaches"),
        url_name="learning:coaching_manage",
        order=60,
        description=_("Coaches koppelen aan organisaties, en zien welke organisaties begeleid worden."),
    )
)
