"""Writes for the catalogue, by the training coordinator: courses (publish, withdraw), cohorts with
their meetings from the agenda, and learning paths with the order of their courses."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.core.audit import log_action

from ..models import Cohort, Course, LearningPath, PathStep
from .enrolments import enrolment_fill_seats


def _save(obj, *, by, code: str, slug_error: str):
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise ValidationError({"slug": slug_error}) from None
    log_action(code, actor=by, subject=obj)
    return obj


# First parts of the app's own addresses: a course with such a short name could not be reached.
# The first part of every other address under /scholing/ (urls/*.py): a course may not take one.
RESERVED_SLUGS = {
    "mijn",
    "beheer",
    "leerlijnen",
    "organisatie",
    "groepen",
    "inschrijvingen",
    "certificaten",
    "certificaat",
    "e-learning",
    "intervisie",
    "coaching",
}


@transaction.atomic
def course_save(*, course: Course, by) -> Course:
    """Create or change a course (every field of the form is on `course` already)."""
    if course.pk is None:
        course.created_by = by
    if course.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("Deze korte naam is al in gebruik op de site. Kies een andere.")})
    if course.seat_cost_cents and course.cost_kind == "free":
        raise ValidationError(_("Een gratis cursus heeft geen kosten per plaats. Zet de kosten op 0."))
    code = "learning.course.changed" if course.pk else "learning.course.created"
    return _save(course, by=by, code=code, slug_error=_("Er is al een cursus met deze korte naam."))


@transaction.atomic
def course_publish(*, course: Course, by, publish: bool = True) -> Course:
    course = Course.objects.select_for_update().get(pk=course.pk)
    course.published_at = timezone.now() if publish else None
    course.save(update_fields=["published_at", "updated_at"])
    log_action(
        "learning.course.published" if publish else "learning.course.withdrawn", actor=by, subject=course
    )
    return course


@transaction.atomic
def cohort_save(*, cohort: Cohort, meetings: Iterable, by) -> Cohort:
    """Create or change a cohort and set its meetings (agenda events of kind training)."""
    if cohort.ends_on and cohort.ends_on < cohort.starts_on:
        raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})
    if cohort.enrol_until and cohort.enrol_until > cohort.starts_on:
        raise ValidationError({"enrol_until": _("Aanmelden moet kunnen stoppen voor de groep begint.")})
    code = "learning.cohort.changed" if cohort.pk else "learning.cohort.created"
    before = Cohort.objects.filter(pk=cohort.pk).values_list("facilitator_id", flat=True).first()
    cohort.full_clean()
    cohort.save()
    cohort.meetings.set(list(meetings))
    if cohort.pk and before != cohort.facilitator_id:
        from .intervision import intervision_facilitator_changed

        intervision_facilitator_changed(cohort=cohort, before_id=before)
    log_action(code, actor=by, subject=cohort)
    enrolment_fill_seats(cohort=cohort)  # more places: the waiting list moves up at once
    return cohort


@transaction.atomic
def path_save(*, path: LearningPath, course_order: Iterable[tuple[Course, int]], by) -> LearningPath:
    """Create or change a learning path; `course_order` is [(course, position)], the chain in order."""
    chain = sorted(course_order, key=lambda pair: (pair[1], pair[0].title))
    if len(chain) < 2:
        raise ValidationError(_("Een leerlijn heeft minstens twee cursussen. Geef ze een plaats."))
    code = "learning.path.changed" if path.pk else "learning.path.created"
    _save(path, by=by, code=code, slug_error=_("Er is al een leerlijn met deze korte naam."))
    PathStep.objects.filter(path=path).delete()
    PathStep.objects.bulk_create(
        PathStep(path=path, course=course, order=index) for index, (course, _position) in enumerate(chain, 1)
    )
    return path
