"""E-learning: learners under /scholing/e-learning/<course>/, authors under /scholing/beheer/e-learning/."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import elearning as views

LEARN = "e-learning/<slug:slug>/"
MANAGE = "beheer/e-learning/<int:course_pk>/"

urlpatterns = [
    path(LEARN, views.course, name="elearning_course"),
    path(f"{LEARN}les/<int:pk>/", views.lesson, name="elearning_lesson"),
    path(f"{LEARN}les/<int:pk>/klaar/", views.lesson_done, name="elearning_lesson_done"),
    path(f"{LEARN}les/<int:pk>/bestand/", views.lesson_file, name="elearning_lesson_file"),
    path(f"{LEARN}toets/<int:pk>/", views.quiz, name="elearning_quiz"),
    path(f"{LEARN}poging/<int:pk>/", views.attempt, name="elearning_attempt"),
    path(f"{LEARN}poging/<int:pk>/uitslag/", views.result, name="elearning_result"),
    path("beheer/e-learning/", views.manage_index, name="elearning_manage"),
    path(MANAGE, views.manage_course, name="elearning_manage_course"),
    path(f"{MANAGE}module/nieuw/", views.module_edit, name="elearning_manage_module_create"),
    path(f"{MANAGE}module/<int:pk>/", views.module_edit, name="elearning_manage_module"),
    path(
        f"{MANAGE}module/<int:module_pk>/les/nieuw/", views.lesson_edit, name="elearning_manage_lesson_create"
    ),
    path(f"{MANAGE}les/<int:pk>/", views.lesson_edit, name="elearning_manage_lesson"),
    path(f"{MANAGE}les/<int:pk>/voorbeeld/", views.lesson_preview, name="elearning_manage_lesson_preview"),
    path(f"{MANAGE}les/<int:pk>/bestand/", views.manage_lesson_file, name="elearning_manage_lesson_file"),
    path(f"{MANAGE}toets/nieuw/", views.quiz_edit, name="elearning_manage_quiz_create"),
    path(f"{MANAGE}toets/<int:pk>/", views.quiz_edit, name="elearning_manage_quiz"),
    path(f"{MANAGE}toets/<int:pk>/voorbeeld/", views.quiz_preview, name="elearning_manage_quiz_preview"),
    path(
        f"{MANAGE}toets/<int:quiz_pk>/vraag/nieuw/",
        views.question_edit,
        name="elearning_manage_question_create",
    ),
    path(f"{MANAGE}vraag/<int:pk>/", views.question_edit, name="elearning_manage_question"),
    path(f"{MANAGE}<str:kind>/<int:pk>/verwijderen/", views.content_delete, name="elearning_manage_delete"),
    path(f"{MANAGE}statistiek/", views.statistics, name="elearning_manage_statistics"),
]

register_manage_link(
    ManageLink(
        label=_("E-learning"),
        url_name="learning:elearning_manage",
        order=30,
        description=_(
            "Modules, lessen en toetsen schrijven, zien welke vragen vaak fout gaan, "
            "en cursussen uitwisselen met andere regio's."
        ),
    )
)
