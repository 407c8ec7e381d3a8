"""The demo: four published courses, a learning path, over 200 professionals with completions and
certificates in 2020–2022, upcoming enrolments with a waiting list and requests; idempotent."""

from __future__ import annotations

import pytest

from veerkracht.accounts.demo import load as accounts_load
from veerkracht.learning.demo import catalogue as demo
from veerkracht.learning.models import Course, Enrolment, EnrolmentStatus, LearningPath

pytestmark = pytest.mark.django_db


def test_the_demo_is_complete_quick_and_idempotent(region):
    accounts_load(region)
    lines = demo.load(region)
    assert "scholing@demo.veerkracht.nl" in "\n".join(lines)
    assert Course.objects.filter(published_at__isnull=False).count() == 4
    path = LearningPath.objects.get()
    assert [s.course.title for s in path.steps.order_by("order")] == [
        "Basis Positieve Gezondheid",
        "Het andere gesprek voeren",
        "Implementatiecoach",
    ]
    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED)
    years = set(completed.values_list("completed_at__year", flat=True))
    assert years <= {2020, 2021, 2022} and len(years) == 3
    people = completed.filter(cohort__course__target_group="professional").values("user").distinct().count()
    assert people > 200
    assert Enrolment.objects.filter(status=EnrolmentStatus.WAITING).exists()
    assert Enrolment.objects.filter(status=EnrolmentStatus.REQUESTED).exists()
    assert Enrolment.objects.filter(status=EnrolmentStatus.ENROLLED).exists()
    talk = Enrolment.objects.filter(status=EnrolmentStatus.WAITING).first().cohort
    assert talk.meetings.count() == 4
    assert demo.load(region) == []
    # The certificates of those completions carry the day of completion, not the day the demo ran.
    from veerkracht.learning.demo import certificates
    from veerkracht.learning.models import Certificate

    certificates.load(region)
    valid = Certificate.objects.filter(revoked_at__isnull=True, enrolment__completed_at__year__lte=2022)
    assert valid.count() >= people
    assert set(valid.values_list("issued_at__year", flat=True)) <= {2020, 2021, 2022}
