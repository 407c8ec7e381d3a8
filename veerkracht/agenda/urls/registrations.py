from __future__ import annotations

from django.urls import path

from ..views import registrations as views

urlpatterns = [
    path("mijn-agenda/", views.mine, name="mine"),
    path("<int:pk>/aanmelden/", views.register, name="register"),
    path("<int:pk>/bedankt/", views.thanks, name="thanks"),
    path("aanmelding/<str:token>/", views.manage, name="manage"),
    path("aanmelding/<str:token>/plaatsen/", views.manage_places, name="manage_places"),
    path("aanmelding/<str:token>/afmelden/", views.manage_cancel, name="manage_cancel"),
    path("aanmelding/<str:token>/aannemen/", views.manage_accept, name="manage_accept"),
    path("aanmelding/<str:token>/agenda.ics", views.manage_ics, name="manage_ics"),
]
