"""Questions: the record of weekly mails to ambassadors."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from veerkracht.core.retention import Rule, register

from ..services.questions import question_mailings_forget

QUESTION_MAILING_KEEP = timedelta(days=56)


def _question_mailings(now: datetime) -> int:
    return question_mailings_forget(before=now - QUESTION_MAILING_KEEP)


register(
    Rule(
        key="community.question_mailings",
        what=_("Dat we je als ambassadeur de wekelijkse e-mail met open vragen stuurden"),
        period=_("8 weken"),
        keep=QUESTION_MAILING_KEEP,
        apply=_question_mailings,
        order=60,
    )
)
