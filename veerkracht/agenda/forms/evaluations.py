"""The evaluation form: four questions on a 1-5 scale, each answer in words, and one open question."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import EVALUATION_QUESTIONS

RATING = [
    ("1", _("1 – heel slecht")),
    ("2", _("2 – slecht")),
    ("3", _("3 – gaat wel")),
    ("4", _("4 – goed")),
    ("5", _("5 – heel goed")),
]
AGREE = [
    ("1", _("1 – nee, helemaal niet")),
    ("2", _("2 – niet echt")),
    ("3", _("3 – een beetje")),
    ("4", _("4 – ja")),
    ("5", _("5 – ja, heel erg")),
]


class EvaluationForm(forms.Form):
    next_step = forms.CharField(
        label=_("Wat ga je nu doen?"),
        help_text=_("Bijvoorbeeld: iets met een buurvrouw afspreken, of zelf iets beginnen."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(EVALUATION_QUESTIONS, start=1):
            self.fields[f"score_{number}"] = forms.ChoiceField(
                label=question,
                choices=RATING if number == 1 else AGREE,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord bij deze vraag.")},
            )
        self.order_fields([f"score_{n}" for n in range(1, len(EVALUATION_QUESTIONS) + 1)])

    def scores(self) -> list[str]:
        return [self.cleaned_data[f"score_{n}"] for n in range(1, len(EVALUATION_QUESTIONS) + 1)]
