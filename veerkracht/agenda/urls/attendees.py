from __future__ import annotations

from django.urls import path

from ..views import attendees as views

urlpatterns = [
    path("organiseren/<int:pk>/deelnemers/", views.attendees, name="attendees"),
    path("organiseren/<int:pk>/deelnemers.csv", views.attendees_csv, name="attendees_csv"),
    path("organiseren/<int:pk>/deelnemers/binnenloper/", views.walk_in, name="walk_in"),
    path("organiseren/<int:pk>/deelnemers/<int:reg>/binnen/", views.check_in, name="check_in"),
    path("organiseren/<int:pk>/deelnemers/<int:reg>/niet-binnen/", views.check_in_undo, name="check_in_undo"),
    path(
        "organiseren/<int:pk>/deelnemers/<int:reg>/afmelden/", views.attendee_cancel, name="attendee_cancel"
    ),
    path("inchecken/<str:token>/", views.check_in_token, name="check_in_token"),
]
