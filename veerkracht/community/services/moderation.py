"""Hiding and reporting community content. Every feature's content is a ``Moderated`` model."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.accounts.models import Role
from veerkracht.core.audit import log_action

from ..models import ContentReport, Moderated, ReportStatus


def is_moderator(user) -> bool:
    """Action-centre staff moderate the community."""
    return bool(user is not None and user.is_authenticated and user.has_role(Role.STAFF))


def _code(obj: Moderated, verb: str) -> str:
    return f"community.{obj._meta.model_name}.{verb}"


def _visibility_changed(obj: Moderated) -> None:
    """What depends on whether something is visible: a question is answered by its visible answers."""
    from ..models import Answer

    if isinstance(obj, Answer):
        from .questions import question_answers_recount

        question_answers_recount(question_id=obj.question_id)


@transaction.atomic
def content_hide(*, obj: Moderated, actor, reason: str) -> Moderated:
    """Take something off every public page at once. The reason is kept on the row and in the log."""
    if not is_moderator(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Schrijf kort op waarom je dit verbergt."))
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    obj.hidden_at = timezone.now()
    obj.hidden_reason = reason[:1000]
    obj.hidden_by = actor
    obj.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    _visibility_changed(obj)
    _decide_reports(obj, ReportStatus.HIDDEN, actor)
    if hasattr(obj, "get_absolute_url"):
        # Newsletter items are copies: take it out of every issue, the sent ones in the archive too.
        from .newsletter import issue_items_withdraw

        issue_items_withdraw(url=obj.get_absolute_url())
    log_action(_code(obj, "hidden"), actor=actor, subject=obj, data={"reason": obj.hidden_reason})
    return obj


@transaction.atomic
def content_restore(*, obj: Moderated, actor) -> Moderated:
    if not is_moderator(actor):
        raise PermissionDenied
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    obj.hidden_at = None
    obj.hidden_reason = ""
    obj.hidden_by = None
    obj.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    _visibility_changed(obj)
    log_action(_code(obj, "restored"), actor=actor, subject=obj)
    return obj


@transaction.atomic
def content_report(*, obj: Moderated, reason: str, reporter=None) -> ContentReport:
    """A reader's report. One open report per reader and object is enough: a second returns the first."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Schrijf kort op wat er mis is."))
    content_type = ContentType.objects.get_for_model(obj)
    reporter = reporter if reporter is not None and reporter.is_authenticated else None
    if reporter is not None:
        known = ContentReport.objects.filter(
            content_type=content_type, object_id=obj.pk, reporter=reporter, status=ReportStatus.OPEN
        ).first()
        if known is not None:
            return known
    report = ContentReport(
        content_type=content_type, object_id=obj.pk, reason=reason[:1000], reporter=reporter
    )
    report.full_clean()
    report.save()
    log_action(_code(obj, "reported"), actor=reporter, subject=obj)
    return report


@transaction.atomic
def report_dismiss(*, report: ContentReport, actor) -> ContentReport:
    if not is_moderator(actor):
        raise PermissionDenied
    report.status = ReportStatus.DISMISSED
    report.decided_at = timezone.now()
    report.decided_by = actor
    report.save(update_fields=["status", "decided_at", "decided_by"])
    log_action("community.report.dismissed", actor=actor, subject=report)
    return report


def _decide_reports(obj: Moderated, status: str, actor) -> None:
    ContentReport.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, status=ReportStatus.OPEN
    ).update(status=status, decided_at=timezone.now(), decided_by=actor)
