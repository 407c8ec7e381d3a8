from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DECISIONS = ("approve", "reject")


class DecisionForm(forms.Form):
    """Staff approve, or turn down with a reason the author reads. The decision is the button pressed."""

    reason = forms.CharField(
        label=_("Waarom niet? De schrijver leest dit."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen nodig als je het niet goedkeurt. Schrijf vriendelijk en duidelijk."),
    )

    def __init__(self, *args, decision: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.decision = decision

    def clean(self):
        data = super().clean()
        if self.decision == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Schrijf kort op waarom niet. De schrijver leest dit."))
        return data
