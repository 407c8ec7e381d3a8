"""The agenda's pages, one module per feature, all in the "agenda" namespace."""

from __future__ import annotations

from . import attendees, calendars, evaluations, events, organise, registrations, reports

app_name = "agenda"
# Fixed words before "<int:pk>/" patterns; events last (its detail page is the catch-all "<int:pk>/").
urlpatterns = [
    *registrations.urlpatterns,
    *calendars.urlpatterns,
    *organise.urlpatterns,
    *attendees.urlpatterns,
    *evaluations.urlpatterns,
    *reports.urlpatterns,
    *events.urlpatterns,
]
