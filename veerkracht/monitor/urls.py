from __future__ import annotations

from django.urls import include, path

from . import views

app_name = "monitor"

urlpatterns = [
    path("", views.region, name="region"),
    path("beleid/", include("veerkracht.monitor.urls_policy")),
]
