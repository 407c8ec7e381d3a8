"""Reads for the report: the organiser's page, and what the event page shows after the event."""

from __future__ import annotations

from ..models import Event, Report, ReportFile
from .ideas import ideas_of


def report_of(event: Event) -> Report | None:
    return Report.objects.filter(event=event).first()


def files_of(report: Report | None) -> list[ReportFile]:
    return list(report.files.all()) if report is not None else []


def after_event(event: Event) -> dict:
    """Context for agenda/reports/_on_event.html: the published report with its photos and slides, and
    what came out of the event ("Wat hier is ontstaan"). Three queries at most, whatever the size."""
    report = Report.objects.filter(event=event, published_at__isnull=False).first()
    files = files_of(report)
    return {
        "published_report": report,
        "report_photos": [f for f in files if f.kind == ReportFile.Kind.PHOTO],
        "report_slides": [f for f in files if f.kind == ReportFile.Kind.SLIDES],
        "event_ideas": ideas_of(event),
    }
