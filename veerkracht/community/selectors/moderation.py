"""Reads for the moderation queue: open reports over every kind of community content (every concrete
``Moderated`` model, found through the app registry), and what was hidden lately."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.text import Truncator

from ..models import ContentReport, Moderated, ReportStatus

SNIPPET_WORDS = 25
RECENTLY_HIDDEN = 20


def moderated_models() -> list[type[Moderated]]:
    return [model for model in apps.get_models() if issubclass(model, Moderated) and not model._meta.abstract]


def snippet(obj) -> str:
    for name in ("title", "text", "body", "question"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            return Truncator(value).words(SNIPPET_WORDS)
    return Truncator(str(obj)).words(SNIPPET_WORDS)


def link_of(obj) -> str:
    getter = getattr(obj, "get_absolute_url", None)
    if getter is None:
        return ""
    try:
        return getter()
    except Exception:  # a model whose URL needs something that is gone: no link, not a 500
        return ""


@dataclass(frozen=True)
class QueueItem:
    obj: object
    content_type: ContentType
    kind: str
    snippet: str
    url: str
    reports: tuple[ContentReport, ...] = ()


def _item(obj, content_type: ContentType, reports=()) -> QueueItem:
    return QueueItem(
        obj=obj,
        content_type=content_type,
        kind=str(obj._meta.verbose_name),
        snippet=snippet(obj),
        url=link_of(obj),
        reports=tuple(reports),
    )


def open_reports() -> list[QueueItem]:
    """One item per reported object with its open reports, oldest report first; one query per kind."""
    reports = list(ContentReport.objects.filter(status=ReportStatus.OPEN).select_related("content_type"))
    by_type: dict[int, dict[int, list[ContentReport]]] = defaultdict(lambda: defaultdict(list))
    for report in reports:
        by_type[report.content_type_id][report.object_id].append(report)
    moderated = set(moderated_models())
    items = []
    for type_id, by_object in by_type.items():
        content_type = ContentType.objects.get_for_id(type_id)
        model = content_type.model_class()
        if model not in moderated:
            continue
        # select_related(): what get_absolute_url() needs (a response's story) comes in the same query.
        for pk, obj in model._default_manager.select_related().in_bulk(list(by_object)).items():
            items.append(_item(obj, content_type, by_object[pk]))
    items.sort(key=lambda item: item.reports[0].created_at)
    return items


def recently_hidden(*, limit: int = RECENTLY_HIDDEN) -> list[QueueItem]:
    items = []
    for model in moderated_models():
        content_type = ContentType.objects.get_for_model(model)
        rows = (
            model._default_manager.select_related()
            .filter(hidden_at__isnull=False)
            .order_by("-hidden_at")[:limit]
        )
        items.extend(_item(obj, content_type) for obj in rows)
    items.sort(key=lambda item: item.obj.hidden_at, reverse=True)
    return items[:limit]


@dataclass(frozen=True)
class DecidedReport:
    report: ContentReport
    kind: str
    snippet: str  # "" when the reported thing is gone
    url: str


def recently_decided(*, limit: int = RECENTLY_HIDDEN) -> list[DecidedReport]:
    """The reports staff decided on lately, newest first, with what they were about (one query per
    kind), so a colleague can see what was done with a report."""
    reports = list(
        ContentReport.objects.exclude(status=ReportStatus.OPEN)
        .select_related("content_type", "decided_by__profile")
        .order_by("-decided_at", "-pk")[:limit]
    )
    ids: dict[int, set[int]] = defaultdict(set)
    for report in reports:
        ids[report.content_type_id].add(report.object_id)
    moderated = set(moderated_models())
    found: dict[tuple[int, int], object] = {}
    for type_id, pks in ids.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model in moderated:
            for pk, obj in model._default_manager.select_related().in_bulk(list(pks)).items():
                found[(type_id, pk)] = obj
    decided = []
    for report in reports:
        obj = found.get((report.content_type_id, report.object_id))
        kind = str(obj._meta.verbose_name) if obj is not None else str(report.content_type.name)
        decided.append(
            DecidedReport(
                report=report,
                kind=kind,
                snippet=snippet(obj) if obj is not None else "",
                url=link_of(obj) if obj is not None and not obj.is_hidden else "",
            )
        )
    return decided


def moderated_object(content_type_id: int, pk: int):
    """The Moderated object named by (content type, pk), or None (unknown, not moderated, gone)."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None or model not in moderated_models():
        return None
    return model._default_manager.filter(pk=pk).first()


def open_report(pk: int) -> ContentReport | None:
    return ContentReport.objects.filter(pk=pk, status=ReportStatus.OPEN).first()


def content_type_id_of(obj) -> int:
    return ContentType.objects.get_for_model(obj).pk
