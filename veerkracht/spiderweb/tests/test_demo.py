from __future__ import annotations

import pytest

from veerkracht.spiderweb.models import Assessment, ConversationNote, Share, Status

pytestmark = pytest.mark.django_db


def test_demo_gives_residents_webs_over_two_years_and_the_professional_shares(region, client_for):
    from veerkracht.accounts import demo as accounts_demo
    from veerkracht.accounts.models import User
    from veerkracht.spiderweb import demo

    accounts_demo.load(region)
    demo.load(region)
    demo.load(region)  # a second `make run` adds nothing

    resident = User.objects.get(email="inwoner@demo.veerkracht.nl")
    webs = Assessment.objects.filter(owner=resident, status=Status.COMPLETED).order_by("completed_at")
    assert webs.count() == 5
    assert (webs.last().completed_at - webs.first().completed_at).days >= 690

    professional = User.objects.get(email="professional@demo.veerkracht.nl")
    shares = Share.objects.filter(professional=professional)
    assert shares.count() == 3
    assert sum(share.is_active for share in shares) == 2
    assert ConversationNote.objects.filter(author=professional).count() == 1

    page = client_for(professional).get("/mijn-spinnenweb/met-mij-gedeeld/")
    assert page.status_code == 200
    assert resident.display_name in page.content.decode()
    own = client_for(resident).get("/mijn-spinnenweb/delen/").content.decode()
    assert professional.display_name in own
