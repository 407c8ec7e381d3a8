"""The fast <select> rendering gives the same HTML as Django's own templates."""

from __future__ import annotations

import re

from django import forms
from django.forms.renderers import TemplatesSetting

from veerkracht.core.forms import FormRenderer


class _Form(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Alle"), ("x&y", 'A "quote" <b>'), ("2", "Twee")], required=False)
    grouped = forms.ChoiceField(choices=[("Groep <1>", [("1", "een"), ("2", "twee")]), ("3", "drie")])
    many = forms.MultipleChoiceField(choices=[("1", "een"), ("2", "twee")], widget=forms.SelectMultiple)


def _normal(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


def test_select_html_is_the_same_as_djangos_and_escaped():
    form = _Form({"plain": "x&y", "grouped": "2", "many": ["1", "2"]}, renderer=FormRenderer())
    for name in ("plain", "grouped", "many"):
        field = form[name]
        context = field.field.widget.get_context(field.html_name, field.value(), {"id": f"id_{name}"})
        ours = FormRenderer().render("django/forms/widgets/select.html", context)
        django = TemplatesSetting().render("django/forms/widgets/select.html", context)
        assert _normal(ours) == _normal(django)
    assert "<b>" not in str(form["plain"]) and "&lt;b&gt;" in str(form["plain"])
