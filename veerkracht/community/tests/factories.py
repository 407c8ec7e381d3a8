"""factory_boy-style helpers for the community app's tests. Each feature adds its own in a marked block."""

from __future__ import annotations

from veerkracht.regions.models import Municipality, Region

# --- questions ---


def limburg() -> Region:
    return Region.objects.get(slug="limburg")


def municipality(code: str = "GM0935") -> Municipality:
    return Municipality.objects.select_related("subregion").get(code=code)


def make_question(
    author, *, title: str = "Hoe begin ik een wandelgroep in mijn wijk?", themes=("loneliness",), **extra
):
    from veerkracht.community.models import Question
    from veerkracht.core.vocabulary import THEMES

    return Question.objects.create(
        region=limburg(),
        author=author,
        title=title,
        text=extra.pop("text", "Ik wil graag met buren wandelen. Waar begin ik?"),
        themes=THEMES.mask(themes),
        municipality=extra.pop("municipality", municipality()),
        **extra,
    )


def make_answer(question, author, text: str = "Begin klein: hang een briefje op in de supermarkt."):
    from veerkracht.community.models import Answer

    answer = Answer.objects.create(question=question, author=author, text=text)
    if question.first_answer_at is None:
        question.first_answer_at = answer.created_at
        question.save(update_fields=["first_answer_at"])
    return answer


# --- groups ---


def make_group(*admins, name: str = "Ambassadeurs Zuid", kind: str = "ambassadors", members=()):
    from veerkracht.community.services.groups import group_add_member, group_create

    group = group_create(region=limburg(), name=name, kind=kind, admins=admins)
    for member in members:
        group_add_member(group=group, user=member)
    return group
