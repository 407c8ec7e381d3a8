from __future__ import annotations

from django import template
from django.utils.html import format_html

from ..submissions import FIELD, new_key

register = template.Library()


@register.simple_tag
def submission_key() -> str:
    """The hidden one-time key of a form that creates something (core/submissions.py)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_key())
