from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import catalogue as views

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("leerlijnen/", views.paths, name="paths"),
    path("leerlijnen/<slug:slug>/", views.path_detail, name="path"),
    path("beheer/", views.manage_index, name="manage"),
    path("beheer/cursussen/", views.manage_courses, name="manage_courses"),
    path("beheer/cursussen/nieuw/", views.course_create, name="manage_course_create"),
    path("beheer/cursussen/<int:pk>/", views.course_edit, name="manage_course"),
    path("beheer/cursussen/<int:pk>/publiceren/", views.course_publish, name="manage_course_publish"),
    path("beheer/cursussen/<int:pk>/groepen/nieuw/", views.cohort_create, name="manage_cohort_create"),
    path("beheer/groepen/<int:pk>/", views.cohort_edit, name="manage_cohort"),
    path("beheer/leerlijnen/", views.manage_paths, name="manage_paths"),
    path("beheer/leerlijnen/nieuw/", views.path_create, name="manage_path_create"),
    path("beheer/leerlijnen/<int:pk>/", views.path_edit, name="manage_path"),
]
# Last of all the app's urls (urls/__init__.py): a course's short name would shadow any other page.
last_urlpatterns = [path("<slug:slug>/", views.course_detail, name="course")]

register_manage_link(
    ManageLink(
        _("Cursussen en groepen"),
        "learning:manage_courses",
        order=10,
        description=_(
            "Cursussen maken en publiceren, startdatums met plaatsen, bijeenkomsten en begeleider."
        ),
    )
)
register_manage_link(
    ManageLink(
        _("Leerlijnen"),
        "learning:manage_paths",
        order=20,
        description=_("Cursussen na elkaar, van Basis tot Implementatiecoach."),
    )
)
