from __future__ import annotations

import pytest

from veerkracht.accounts import demo as accounts_demo
from veerkracht.community import demo
from veerkracht.community.models import Answer, Group, GroupPost, Question

pytestmark = pytest.mark.django_db


def test_demo_questions_and_group_are_loaded_once(region):
    accounts_demo.load(region)
    demo.load(region)
    demo.load(region)
    assert Question.objects.count() == 20
    assert Answer.objects.count() == 16
    group = Group.objects.get()
    assert group.memberships.count() >= 2 and GroupPost.objects.filter(group=group).count() == 5
