"""The audit and access log (DESIGN.md, house style 7)."""

from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditLogEntry


def log_action(
    code: str,
    *,
    actor: Any = None,
    subject: models.Model | None = None,
    person: Any = None,
    data: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Write one log entry. Call it inside the service's transaction so it commits with the change."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditLogEntry.objects.create(
        code=code,
        actor=actor,
        person=person,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        data=data or {},
    )
