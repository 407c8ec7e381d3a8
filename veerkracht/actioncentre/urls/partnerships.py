from __future__ import annotations

from django.urls import path

from ..views import partnerships as views

# Under /verbinden/, next to an organisation's page in urls/connect.py.
app_name = "partnerships"
urlpatterns = [
    path("partners/<slug:slug>/verzoeken/", views.requests, name="requests"),
    path("partners/<slug:slug>/verzoeken/<int:pk>/", views.decide, name="decide"),
]
