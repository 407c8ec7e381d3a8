from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import intervision as views

urlpatterns = [
    path("intervisie/", views.mine, name="intervision_mine"),
    path("intervisie/<int:pk>/", views.group, name="intervision_group"),
    path("intervisie/<int:pk>/reflectie/<int:event_pk>/", views.reflection, name="intervision_reflection"),
    path("intervisie/<int:pk>/aanwezigheid/", views.attendance, name="intervision_attendance"),
    path("intervisie/groep/<int:community_pk>/", views.for_community_group, name="intervision_for_community"),
    path("beheer/intervisie/", views.manage, name="intervision_manage"),
    path("beheer/intervisie/nieuw/<int:cohort_pk>/", views.create, name="intervision_create"),
    path("beheer/intervisie/<int:pk>/", views.manage_group, name="intervision_manage_group"),
]

register_manage_link(
    ManageLink(
        label=_("Intervisiegroepen"),
        url_name="learning:intervision_manage",
        order=40,
        description=_("Groepen van 4 tot 8 deelnemers maken en hun bijeenkomsten plannen."),
    )
)
