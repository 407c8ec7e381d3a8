from __future__ import annotations

from django.urls import path

from ..views import questions as views

urlpatterns = [
    path("vragen/", views.question_list, name="questions"),
    path("vragen/stellen/", views.question_ask, name="question_ask"),
    path("vragen/<int:pk>/", views.question_detail, name="question"),
    path("vragen/<int:pk>/antwoorden/", views.answer_create, name="answer_create"),
    path("vragen/<int:pk>/antwoorden/<int:answer_pk>/hielp/", views.answer_helpful, name="answer_helpful"),
    path("vragen/<int:pk>/antwoorden/<int:answer_pk>/melden/", views.report, name="answer_report"),
    path("vragen/<int:pk>/antwoorden/<int:answer_pk>/verbergen/", views.hide, name="answer_hide"),
    path("vragen/<int:pk>/melden/", views.report, name="question_report"),
    path("vragen/<int:pk>/verbergen/", views.hide, name="question_hide"),
    path("vragen/<int:pk>/actiecentrum/", views.to_request, name="question_to_request"),
]
