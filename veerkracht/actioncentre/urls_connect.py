from __future__ import annotations

app_name = "connect"
urlpatterns: list = []
