"""A report's files are reached through the event of an organiser (404 for any other)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ..models import Event, ReportFile


def get_report_file_for_event(event: Event, pk: int) -> ReportFile:
    """A file of this event's report; call with an event from get_event_for_organiser."""
    return get_object_or_404(ReportFile.objects.select_related("report__event"), report__event=event, pk=pk)
