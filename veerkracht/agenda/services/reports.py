"""The report of an event: text, photos (checked and re-encoded without any metadata, lib/images.py)
and slides (PDF only), published by an organiser on the event page."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action
from veerkracht.lib.images import prepare_photo

from ..models import Event, Report, ReportFile

TEXT_MAX = 5000
MAX_FILES = 30
MAX_SLIDES_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def _check_started(event: Event) -> None:
    if not event.has_started:
        raise ValidationError(_("Een verslag kun je schrijven als de bijeenkomst is begonnen."))


@transaction.atomic
def report_save(*, event: Event, text: str, actor) -> Report:
    _check_started(event)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Schrijf eerst wat er gebeurd is."))
    if len(text) > TEXT_MAX:
        raise ValidationError(_("Het verslag is te lang. Gebruik hoogstens 5000 tekens."))
    report = Report.objects.filter(event=event).first() or Report(event=event)
    report.text = text
    report.full_clean(exclude=["event"])
    report.save()
    log_action("agenda.report.saved", actor=actor, subject=event)
    return report


def _check_room(report: Report) -> None:
    if report.files.count() >= MAX_FILES:
        raise ValidationError(_("Er kunnen hoogstens 30 bestanden bij een verslag. Haal er eerst een weg."))


def _slides(upload) -> ContentFile:
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_SLIDES_BYTES:
        raise ValidationError(_("Deze presentatie is te groot. Een pdf mag hoogstens 20 MB zijn."))
    upload.seek(0)
    data = upload.read(MAX_SLIDES_BYTES + 1)
    if len(data) > MAX_SLIDES_BYTES:
        raise ValidationError(_("Deze presentatie is te groot. Een pdf mag hoogstens 20 MB zijn."))
    # Checked by what the file is, not by its name: a PDF starts with "%PDF-".
    if not data.startswith(PDF_MAGIC):
        raise ValidationError(
            _("Dit bestand is geen pdf. Sla je presentatie op als pdf en probeer het opnieuw.")
        )
    return ContentFile(data, name=f"{secrets.token_hex(16)}.pdf")


@transaction.atomic
def report_file_add(*, report: Report, kind: str, upload, caption: str, actor) -> ReportFile:
    """Add a photo (re-encoded, metadata stripped, random name) or slides (a PDF) to the report."""
    _check_room(report)
    caption = (caption or "").strip()
    if kind == ReportFile.Kind.PHOTO:
        if not caption:
            raise ValidationError(_("Vertel in een paar woorden wat er op de foto staat."))
        photo = prepare_photo(upload)
        content = ContentFile(photo.content, name=photo.name)
    elif kind == ReportFile.Kind.SLIDES:
        content = _slides(upload)
    else:
        raise ValidationError(_("Kies of het een foto of een presentatie is."))
    item = ReportFile(report=report, kind=kind, caption=caption[:200])
    item.file.save(content.name, content, save=False)
    try:
        item.full_clean(exclude=["report"])
        item.save()
    except Exception:
        item.file.delete(save=False)
        raise
    log_action("agenda.report.file_added", actor=actor, subject=report.event, data={"kind": kind})
    return item


@transaction.atomic
def report_file_delete(*, item: ReportFile, actor) -> None:
    event = item.report.event
    name, storage = item.file.name, item.file.storage
    item.delete()
    transaction.on_commit(lambda: storage.delete(name))
    log_action("agenda.report.file_deleted", actor=actor, subject=event)


@transaction.atomic
def report_publish(*, report: Report, publish: bool, actor) -> Report:
    if publish and not report.text.strip():
        raise ValidationError(_("Schrijf eerst het verslag. Daarna kun je het laten zien."))
    report.published_at = timezone.now() if publish else None
    report.save(update_fields=["published_at", "updated_at"])
    log_action(
        "agenda.report.published" if publish else "agenda.report.unpublished",
        actor=actor,
        subject=report.event,
    )
    return report
