from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..manage_links import ManageLink, register_manage_link
from ..views import budget as views

urlpatterns = [
    path("beheer/budget/", views.budget_report, name="budget_report"),
    path("beheer/budget/budget.csv", views.budget_report_csv, name="budget_report_csv"),
    path("beheer/budget/budget.pdf", views.budget_report_pdf, name="budget_report_pdf"),
    path("beheer/budget/bronnen/nieuw/", views.funding_source_form, name="budget_source_create"),
    path("beheer/budget/bronnen/<int:pk>/", views.funding_source_form, name="budget_source_edit"),
    path("beheer/budget/regels/nieuw/", views.budget_line_form, name="budget_line_create"),
    path("beheer/budget/regels/<int:pk>/", views.budget_line_form, name="budget_line_edit"),
    path("beheer/budget/doelen/nieuw/", views.target_form, name="budget_target_create"),
    path("beheer/budget/doelen/<int:pk>/", views.target_form, name="budget_target_edit"),
]

register_manage_link(
    ManageLink(
        label=_("Budget en doelen"),
        url_name="learning:budget_report",
        order=70,
        description=_(
            "Wat is er vastgelegd en uitgegeven, per bron, doelgroep, organisatie en deel van de regio."
        ),
    )
)
