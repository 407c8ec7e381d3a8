from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Cohort, Course, CourseFormat, LearningPath, TargetGroup


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters (GET). A value that is not a choice is ignored, never an error page."""

    target_group = forms.ChoiceField(label=_("Voor wie"), required=False)
    format = forms.ChoiceField(label=_("Vorm"), required=False)
    subregion = forms.ChoiceField(label=_("Waar"), required=False)

    def __init__(self, *args, subregions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.subregions = {s.slug: s for s in subregions}
        self.fields["target_group"].choices = [("", _("iedereen")), *TargetGroup.choices]
        self.fields["format"].choices = [("", _("alle vormen")), *CourseFormat.choices]
        self.fields["subregion"].choices = [("", _("hele regio")), *((s.slug, s.name) for s in subregions)]

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in ("target_group", "format")}
        data["subregion"] = self.subregions.get(self.cleaned_data.get("subregion") or "")
        return data


class CourseForm(forms.ModelForm):
    seat_cost = forms.DecimalField(
        label=_("Kosten per plaats in euro"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        required=False,
        help_text=_("Leeg of 0 bij een gratis cursus."),
    )
    publish = forms.BooleanField(label=_("Meteen publiceren in de catalogus"), required=False)

    class Meta:
        model = Course
        fields = (
            "title",
            "slug",
            "summary",
            "description",
            "target_group",
            "format",
            "duration",
            "study_hours",
            "cost_kind",
            "accreditation_register",
            "accreditation_points",
            "requires_elearning",
            "min_meetings",
            "requires_approval",
        )
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "summary": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "title": {"required": _("Geef de cursus een naam.")},
            "slug": {"required": _("Kies een korte naam voor het webadres, bijvoorbeeld basis-pg.")},
            "summary": {"required": _("Vertel in een paar zinnen waar de cursus over gaat.")},
            "description": {"required": _("Schrijf wat deelnemers leren.")},
            "duration": {"required": _("Schrijf hoe lang de cursus duurt.")},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seat_cost"].initial = self.instance.seat_cost_cents / 100
            self.fields["publish"].initial = self.instance.published_at is not None
            self.fields["publish"].label = _("Gepubliceerd in de catalogus")

    def clean(self) -> dict:
        data = super().clean()
        points, register = data.get("accreditation_points"), data.get("accreditation_register")
        if points and not register:
            self.add_error(
                "accreditation_register", _("Bij accreditatiepunten hoort de naam van het register.")
            )
        cost = data.get("seat_cost") or 0
        self.instance.seat_cost_cents = int(cost * 100)
        return data


class CohortForm(forms.ModelForm):
    meetings = forms.ModelMultipleChoiceField(
        label=_("Bijeenkomsten uit de agenda"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Trainingsbijeenkomsten uit de agenda. Deelnemers komen vanzelf op de lijst van aanwezigen."
        ),
    )

    class Meta:
        model = Cohort
        fields = ("title", "subregion", "starts_on", "ends_on", "enrol_until", "capacity", "facilitator")
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "enrol_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "title": {"required": _("Geef de groep een naam, bijvoorbeeld najaar 2026.")},
            "starts_on": {"required": _("Vul de begindatum in."), "invalid": _("Vul een datum in.")},
        }

    def __init__(self, *args, events, subregions, facilitators, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = events
        self.fields["meetings"].label_from_instance = lambda e: f"{e.starts_at:%d-%m-%Y %H:%M} – {e.title}"
        self.fields["subregion"].queryset = subregions
        self.fields["facilitator"].queryset = facilitators
        self.fields["facilitator"].label_from_instance = lambda user: f"{user.display_name} ({user.email})"
        if self.instance.pk:
            self.fields["meetings"].initial = list(self.instance.meetings.values_list("pk", flat=True))


class PathForm(forms.ModelForm):
    class Meta:
        model = LearningPath
        fields = ("title", "slug", "summary")
        error_messages = {
            "title": {"required": _("Geef de leerlijn een naam.")},
            "slug": {"required": _("Kies een korte naam voor het webadres.")},
            "summary": {"required": _("Vertel in een paar zinnen voor wie de leerlijn is.")},
        }

    def __init__(self, *args, courses, order: dict[int, int] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.courses = list(courses)
        order = order or {}
        for course in self.courses:
            self.fields[f"course_{course.pk}"] = forms.IntegerField(
                label=_("Plaats van „%(title)s”") % {"title": course.title},
                min_value=1,
                max_value=50,
                required=False,
                initial=order.get(course.pk),
                help_text=_("Leeg: hoort niet bij deze leerlijn."),
            )

    def course_order(self) -> list[tuple[Course, int]]:
        chosen = ((course, self.cleaned_data.get(f"course_{course.pk}")) for course in self.courses)
        return [(course, position) for course, position in chosen if position]


class PublishForm(forms.Form):
    publish = forms.BooleanField(required=False)
