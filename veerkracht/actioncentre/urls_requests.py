from __future__ import annotations

app_name = "actioncentre"
urlpatterns: list = []
