from __future__ import annotations

from django.urls import path

from ..views import moderation as views

urlpatterns = [
    path("moderatie/", views.queue, name="moderation"),
    path("moderatie/verhalen/<int:pk>/besluit/", views.story_decide, name="story_decide"),
    path("moderatie/verbergen/<int:content_type>/<int:pk>/", views.content_hide, name="content_hide"),
    path("moderatie/terugzetten/<int:content_type>/<int:pk>/", views.content_restore, name="content_restore"),
    path("moderatie/meldingen/<int:pk>/afhandelen/", views.report_dismiss, name="report_dismiss"),
    path("melden/<int:content_type>/<int:pk>/", views.content_report, name="content_report"),
]
