from __future__ import annotations

from django.urls import path

from ..views import connect as views

app_name = "connect"
urlpatterns = [
    path("", views.home, name="home"),
    path("aanbod/nieuw/", views.offer_create, name="offer_create"),
    path("aanbod/<int:pk>/", views.offer_detail, name="offer"),
    path("aanbod/<int:pk>/bewerken/", views.offer_edit, name="offer_edit"),
    path("aanbod/<int:pk>/verbergen/", views.offer_hide, name="offer_hide"),
    path("aanbod/<int:pk>/tonen/", views.offer_show, name="offer_show"),
    path("mijn-aanbod/", views.my_offers, name="my_offers"),
    path("ambassadeurs/", views.ambassadors, name="ambassadors"),
    path("ambassadeurs/<int:pk>/", views.ambassador, name="ambassador"),
    path("mijn-ambassadeursprofiel/", views.ambassador_edit, name="ambassador_edit"),
    path("partners/", views.partners, name="partners"),
    path("partners/<slug:slug>/", views.partner, name="partner"),
    path("partners/<slug:slug>/bewerken/", views.partner_edit, name="partner_edit"),
    path("behoefte/<int:pk>/", views.suggestions, name="suggestions"),
    path("behoefte/<int:pk>/voorstellen/", views.propose, name="propose"),
    path("vraag/<int:pk>/", views.request_suggestions, name="request_suggestions"),
    path("vraag/<int:pk>/voorstellen/", views.request_propose, name="request_propose"),
    path("antwoord/<str:token>/", views.answer, name="answer"),
    path("verbindingen/", views.connections, name="connections"),
]
