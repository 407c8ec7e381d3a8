"""Forms of the e-learning: the learner's quiz (built from an attempt's questions in its own order) and
the authors' forms for modules, lessons, quizzes and questions with their choices."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Lesson, Question, QuestionKind, Quiz
from ..models import Module as CourseModule
from ..services.elearning import ChoiceInput, LessonInput, QuizInput, prepare_lesson_file

CHOICE_ROWS = 6


class QuizAnswerForm(forms.Form):
    """One field per question: radio buttons for one answer, checkboxes when more can be right."""

    def __init__(self, *args, questions: list[Question], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            choices = [(str(choice.pk), choice.text) for choice in question.choices.all()]
            label = f"{number}. {question.text}"
            if question.kind == QuestionKind.MULTIPLE:
                self.fields[f"q{question.pk}"] = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Meer antwoorden kunnen goed zijn."),
                    error_messages={"required": _("Kies bij deze vraag minstens één antwoord.")},
                )
            else:
                self.fields[f"q{question.pk}"] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Kies bij deze vraag een antwoord.")},
                )
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Kies een antwoord uit de lijst.")

    def answers(self) -> dict[int, list[int]]:
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}") or []
            result[question.pk] = [int(pk) for pk in ([value] if isinstance(value, str) else value)]
        return result


class _OrderOptional:
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].help_text = _("Leeg: achteraan.")


class ModuleForm(_OrderOptional, forms.ModelForm):
    class Meta:
        model = CourseModule
        fields = ["title", "order"]


class LessonForm(_OrderOptional, forms.ModelForm):
    upload = forms.FileField(
        label=_("Bestand om te downloaden"),
        required=False,
        help_text=_("PDF, Office- of OpenDocument-bestand, of een plaatje; hoogstens 20 MB."),
    )
    remove_file = forms.BooleanField(label=_("Bestand weghalen"), required=False)

    class Meta:
        model = Lesson
        fields = ["title", "body", "video_url", "order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}
        help_texts = {
            "body": _(
                "Markdown: **vet**, *schuin*, ## kopje, - lijstje, [link](https://…), "
                "![omschrijving](https://…/plaatje.jpg)."
            )
        }

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return prepare_lesson_file(upload) if upload else None

    def to_input(self) -> LessonInput:
        data = self.cleaned_data
        return LessonInput(
            title=data["title"],
            body=data["body"],
            video_url=data.get("video_url") or "",
            order=data.get("order"),
            file=data.get("upload"),
            remove_file=bool(data.get("remove_file")),
        )


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        fields = ["title", "intro", "module", "pass_mark", "max_attempts"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, course, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = course.modules.all()
        self.fields["module"].empty_label = _("Aan het eind van de cursus")

    def to_input(self) -> QuizInput:
        data = self.cleaned_data
        return QuizInput(
            title=data["title"],
            intro=data.get("intro") or "",
            module=data.get("module"),
            pass_mark=data["pass_mark"],
            max_attempts=data["max_attempts"],
        )


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Vraag"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Soort vraag"), choices=QuestionKind.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, CHOICE_ROWS + 1):
            self.fields[f"choice_{row}"] = forms.CharField(
                label=_("Antwoord %(row)s") % {"row": row}, max_length=300, required=False
            )
            self.fields[f"correct_{row}"] = forms.BooleanField(
                label=_("Antwoord %(row)s is goed") % {"row": row}, required=False
            )
            self.fields[f"feedback_{row}"] = forms.CharField(
                label=_("Uitleg bij antwoord %(row)s") % {"row": row}, max_length=500, required=False
            )

    @staticmethod
    def initial_for(question: Question) -> dict:
        initial = {"text": question.text, "kind": question.kind}
        for row, choice in enumerate(question.choices.all(), start=1):
            initial |= {f"choice_{row}": choice.text, f"correct_{row}": choice.correct}
            initial[f"feedback_{row}"] = choice.feedback
        return initial

    def rows(self) -> list[tuple]:
        return [
            (self[f"choice_{row}"], self[f"correct_{row}"], self[f"feedback_{row}"])
            for row in range(1, CHOICE_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        for row in range(1, CHOICE_ROWS + 1):
            if not (data.get(f"choice_{row}") or "").strip() and (
                data.get(f"correct_{row}") or (data.get(f"feedback_{row}") or "").strip()
            ):
                raise ValidationError(
                    _("Antwoord %(row)s is leeg maar heeft een vinkje of uitleg.") % {"row": row}
                )
        return data

    def choices(self) -> list[ChoiceInput]:
        data = self.cleaned_data
        return [
            ChoiceInput(
                text=data.get(f"choice_{row}") or "",
                correct=bool(data.get(f"correct_{row}")),
                feedback=data.get(f"feedback_{row}") or "",
            )
            for row in range(1, CHOICE_ROWS + 1)
        ]
