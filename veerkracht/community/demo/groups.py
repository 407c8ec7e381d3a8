"""Demo: the ambassadors' group with its members and posts."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from veerkracht.accounts.demo import DEMO_DOMAIN
from veerkracht.accounts.models import User
from veerkracht.actioncentre.selectors.connect import public_ambassadors
from veerkracht.regions.models import Region

POSTS = [
    "Welkom in de groep van ambassadeurs! Hier delen we wat werkt en waar we tegenaan lopen.",
    (
        "Gisteren een inspiratiesessie in Venlo gehouden: veertien mensen, en drie willen een wandelgroep "
        "beginnen."
    ),
    "Tip: begin een gesprek over gezondheid niet met de zes kanten, maar met de vraag wat iemand blij maakt.",
    "Wie heeft ervaring met een sessie voor jongeren? Ik zoek ideeën voor een school in Heerlen.",
    "Mooi moment deze week: een deelnemer vertelde dat ze door onze koffieochtend weer buiten komt.",
]


@transaction.atomic
def load(region: Region) -> list[str]:
    from ..models import Group, GroupKind, GroupPost
    from ..services.groups import group_add_member, group_create

    if Group.objects.filter(region=region, kind=GroupKind.AMBASSADORS).exists():
        return []
    ambassadors = [p.user for p in public_ambassadors(region)[:15]]
    lead = User.objects.filter(email=f"ambassadeur@{DEMO_DOMAIN}").first()
    staff = User.objects.filter(email=f"actiecentrum@{DEMO_DOMAIN}").first()
    admins = [u for u in (staff, lead) if u is not None]
    if not admins:
        return []
    group = group_create(
        region=region,
        name="Ambassadeurs Limburg",
        kind=GroupKind.AMBASSADORS,
        admins=admins,
        description="De besloten groep van alle ambassadeurs: zij delen met elkaar hun ervaringen.",
    )
    for user in ambassadors:
        group_add_member(group=group, user=user)
    writers = admins + ambassadors
    now = timezone.now()
    for i, text in enumerate(POSTS):
        post = GroupPost.objects.create(group=group, author=writers[i % len(writers)], text=text)
        GroupPost.objects.filter(pk=post.pk).update(created_at=now - timedelta(days=30 - 6 * i))
    return [f"community: ambassadors' group with {len(ambassadors) + len(admins)} members"]
