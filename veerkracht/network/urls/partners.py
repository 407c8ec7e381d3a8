from __future__ import annotations

from django.urls import path

from ..views import partners as views

urlpatterns = [
    path("partner-worden/", views.apply, name="partner_apply"),
    path("partner-worden/mijn-aanmelding/", views.my_applications, name="partner_application_mine"),
    path("partner-worden/<int:pk>/intrekken/", views.withdraw, name="partner_application_withdraw"),
    path("beheer/partners/", views.manage, name="partner_manage"),
    path("beheer/partners/aanmelding/<int:pk>/", views.review, name="partner_application_review"),
    path(
        "beheer/partners/aanmelding/<int:pk>/aannemen/",
        views.decide,
        {"decision": "accept"},
        name="partner_application_accept",
    ),
    path(
        "beheer/partners/aanmelding/<int:pk>/afwijzen/",
        views.decide,
        {"decision": "decline"},
        name="partner_application_decline",
    ),
    path("beheer/partners/<slug:slug>/rollen/", views.roles, name="partner_roles"),
]
