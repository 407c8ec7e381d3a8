"""Reads for the catalogue: published courses with their upcoming cohorts and places left, a course's
page, learning paths, and the coordinator's lists. Every list is a fixed number of queries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from veerkracht.regions.models import Region, Subregion

from ..models import Cohort, Course, Enrolment, EnrolmentStatus, LearningPath, PathStep

SEATED = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
CARD_DATES = 3  # start dates on a course's card in the catalogue; the course page has them all


def _count(model, *, status__in) -> Subquery:
    """How many rows point at the outer cohort with one of these statuses: a correlated count that the
    index (cohort, status, ...) answers without reading the rows."""
    rows = model.objects.filter(cohort=OuterRef("pk"), status__in=status__in).order_by()
    return Coalesce(Subquery(rows.values("cohort").annotate(n=Count("pk")).values("n")[:1]), 0)


def _with_counts(cohorts: QuerySet[Cohort]) -> QuerySet[Cohort]:
    return cohorts.select_related("subregion").annotate(
        seated=_count(Enrolment, status__in=SEATED),
        waiting=_count(Enrolment, status__in=(EnrolmentStatus.WAITING,)),
    )


def places_left(cohort: Cohort) -> int | None:
    """None: no limit. Needs the ``seated`` annotation of this module's querysets."""
    if cohort.capacity is None:
        return None
    return max(cohort.capacity - cohort.seated, 0)


def _mark(cohorts) -> list[Cohort]:
    today = timezone.localdate()
    for cohort in cohorts:
        cohort.places_left = places_left(cohort)
        cohort.is_full = cohort.places_left == 0
        cohort.is_open = cohort.starts_on >= today and (
            cohort.enrol_until is None or cohort.enrol_until >= today
        )
        cohort.places_text = _places_text(cohort)
    return list(cohorts)


def _places_text(cohort: Cohort) -> str:
    if cohort.places_left is None:
        return gettext("plaats genoeg")
    if cohort.is_full:
        return gettext("vol, wachtlijst")
    left = cohort.places_left
    return ngettext("nog %(n)s plaats", "nog %(n)s plaatsen", left) % {"n": left}


def cost_text(course: Course) -> str:
    """Who pays, and the amount per seat unless free: "Betaald uit het scholingsplan: € 450 per plaats"."""
    label = str(course.get_cost_kind_display())
    label = label[:1].upper() + label[1:]
    if course.cost_kind == "free" or not course.seat_cost_cents:
        return label
    euros, cents = divmod(course.seat_cost_cents, 100)
    amount = f"€ {euros:,}".replace(",", ".") + (f",{cents:02d}" if cents else "")
    return gettext("%(who)s: %(amount)s per plaats") % {"who": label, "amount": amount}


def upcoming_cohorts() -> QuerySet[Cohort]:
    return _with_counts(Cohort.objects.filter(starts_on__gte=timezone.localdate())).order_by(
        "starts_on", "pk"
    )


def subregions(region: Region) -> QuerySet[Subregion]:
    return Subregion.objects.filter(region=region).order_by("name")


def published(region: Region) -> QuerySet[Course]:
    return Course.objects.filter(region=region, published_at__lte=timezone.now())


def catalogue(region: Region, filters: Mapping[str, Any]) -> list[Course]:
    """Published courses, filtered by ``target_group``, ``format`` and ``subregion`` (a Subregion; a
    course matches when one of its upcoming cohorts is there, online or for the whole region). Each
    course gets ``shown_dates``: its first CARD_DATES cohorts still to start, with ``places_left``, and
    ``more_dates``: how many more there are (the course page lists them all)."""
    courses = published(region)
    if filters.get("target_group"):
        courses = courses.filter(target_group=filters["target_group"])
    if filters.get("format"):
        courses = courses.filter(format=filters["format"])
    where = Q(starts_on__gte=timezone.localdate())
    subregion = filters.get("subregion")
    if subregion is not None:
        where &= Q(subregion=subregion) | Q(subregion__isnull=True)
        courses = courses.filter(pk__in=Cohort.objects.filter(where).values("course_id"))
    counted = Cohort.objects.filter(where, course=OuterRef("pk")).order_by().values("course")
    courses = courses.annotate(
        upcoming_count=Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")[:1]), 0)
    )
    first = _with_counts(Cohort.objects.filter(where)).order_by("starts_on", "pk")[:CARD_DATES]
    rows = list(courses.prefetch_related(Prefetch("cohorts", queryset=first, to_attr="shown_dates")))
    for course in rows:
        course.shown_dates = _mark(course.shown_dates)
        course.cost_text = cost_text(course)
        course.more_dates = max(course.upcoming_count - len(course.shown_dates), 0)
    return rows


def course_for_page(region: Region, slug: str) -> Course:
    """A published course with its upcoming cohorts (``upcoming``), meeting counts and paths; 404 else."""
    meetings = Cohort.meetings.through.objects.filter(cohort_id=OuterRef("pk")).order_by()
    meeting_count = Coalesce(
        Subquery(meetings.values("cohort_id").annotate(n=Count("pk")).values("n")[:1]), 0
    )
    cohorts = upcoming_cohorts().annotate(meeting_count=meeting_count)
    paths = LearningPath.objects.order_by("title")
    course = (
        published(region)
        .filter(slug=slug)
        .prefetch_related(
            Prefetch("cohorts", queryset=cohorts, to_attr="upcoming"), Prefetch("paths", queryset=paths)
        )
        .first()
    )
    if course is None:
        raise Http404
    course.upcoming = _mark(course.upcoming)
    course.cost_text = cost_text(course)
    return course


def own_enrolments_in(user, course: Course) -> dict[int, Enrolment]:
    """{cohort id: the visitor's enrolment} for this course (empty for anonymous visitors)."""
    if not (user and user.is_authenticated):
        return {}
    rows = Enrolment.objects.filter(user=user, cohort__course=course)
    return {row.cohort_id: row for row in rows}


def paths(region: Region) -> list[LearningPath]:
    steps = PathStep.objects.select_related("course").order_by("order", "pk")
    rows = LearningPath.objects.filter(region=region).prefetch_related(
        Prefetch("steps", queryset=steps, to_attr="ordered_steps")
    )
    return list(rows.order_by("title"))


def path_for_page(region: Region, slug: str) -> LearningPath:
    path = next((p for p in paths(region) if p.slug == slug), None) if slug else None
    if path is None:
        raise Http404
    return path


def completed_course_ids(user) -> set[int]:
    if not (user and user.is_authenticated):
        return set()
    rows = Enrolment.objects.filter(user=user, status=EnrolmentStatus.COMPLETED)
    return set(rows.values_list("cohort__course_id", flat=True))


# --- The coordinator's lists ---------------------------------------------------------------------


def courses_to_manage(region: Region) -> QuerySet[Course]:
    return Course.objects.filter(region=region).annotate(cohort_count=Count("cohorts")).order_by("title")


def cohorts_of(course: Course) -> list[Cohort]:
    return _mark(_with_counts(course.cohorts.all()).order_by("-starts_on", "pk"))


def paths_to_manage(region: Region) -> list[LearningPath]:
    return paths(region)


def courses_of_region(region: Region) -> QuerySet[Course]:
    return Course.objects.filter(region=region).order_by("title")


def facilitators():
    """Who can lead a cohort: implementation coaches, training coordinators and professionals."""
    from veerkracht.accounts.models import Role, User

    roles = (Role.COACH, Role.TRAINING_COORDINATOR, Role.PROFESSIONAL)
    return User.objects.filter(role_assignments__role__in=roles, is_active=True).distinct().order_by("email")


def meeting_choices(region: Region):
    from veerkracht.agenda.selectors.events import training_events

    return training_events(region)


def path_order(path: LearningPath | None) -> dict[int, int]:
    if path is None or path.pk is None:
        return {}
    return dict(PathStep.objects.filter(path=path).values_list("course_id", "order"))


def completion_sentence(course: Course) -> str:
    """The completion rules in plain words, with the same labels as completion.py checks."""
    from django.utils.translation import gettext as _

    parts = []
    if course.requires_elearning:
        parts.append(_("de e-learning haalt"))
    if course.min_meetings:
        total = max([getattr(c, "meeting_count", 0) for c in getattr(course, "upcoming", [])] + [0])
        if total > course.min_meetings:
            parts.append(
                _("minstens %(needed)s van de %(total)s bijeenkomsten bijwoont")
                % {"needed": course.min_meetings, "total": total}
            )
        else:
            parts.append(_("minstens %(needed)s bijeenkomsten bijwoont") % {"needed": course.min_meetings})
    if not parts:
        return _(
            "Je rondt de cursus af als je hem gevolgd hebt: de coördinator scholing zet dat voor je in orde."
        )
    return _("Je rondt de cursus af als je %(parts)s.") % {"parts": _(" en ").join(parts)}
