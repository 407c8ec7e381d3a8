from __future__ import annotations

from django.urls import path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.region, name="region"),
    path("deelregio/<slug:slug>/", views.subregion, name="subregion"),
    path("gemeente/", views.municipality_pick, name="municipality_pick"),
    path("gemeente/<str:code>/", views.municipality, name="municipality"),
    path("gemeente/<str:code>/rapport.pdf", views.municipality_report, name="municipality_report"),
    path("gezondheid/", views.outcomes, name="outcomes"),
    path("gezondheidskloof/", views.gap, name="gap"),
    path("definities/", views.definitions, name="definitions"),
    path("download/<slug:table>.csv", views.download, name="download"),
    path("download/alle-cijfers/<str:code>.csv", views.download_area, name="download_area"),
]
