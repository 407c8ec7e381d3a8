"""Shaping an issue for one reader: which items they get (their subregions and topics), and the exact
mail (subject, text, html and the one-click unsubscribe headers of RFC 8058).

Items for the whole region (no subregion) go to everyone; an item without topics goes to everyone who
gets its subregion. A subscriber without subregions gets the whole region, without topics everything.
No tracking pixels and no click tracking: the links are the plain addresses of the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from ..digest import SECTIONS
from ..tokens import MANAGE, UNSUBSCRIBE, subscriber_token


@dataclass(frozen=True)
class Reader:
    """What the filter needs of a subscriber: subregion slugs (empty: all) and a topic bit set (0: all)."""

    subregions: frozenset[str] = frozenset()
    themes: int = 0


EVERYONE = Reader()


def reader_of(subscriber) -> Reader:
    return Reader(frozenset(s.slug for s in subscriber.subregions.all()), subscriber.themes)


def wants(reader: Reader, item) -> bool:
    if reader.subregions and item.subregion and item.subregion not in reader.subregions:
        return False
    return not (reader.themes and item.themes and not (reader.themes & item.themes))


def items_for(items, reader: Reader) -> list:
    return [item for item in items if wants(reader, item)]


def grouped(items) -> list[dict]:
    """The items under their section's heading, sections in the editor's order of their first item."""
    headings = {section.key: section.heading for section in SECTIONS}
    groups: dict[str, dict] = {}
    for item in items:
        group = groups.setdefault(item.section, {"heading": headings.get(item.section, ""), "items": []})
        group["items"].append(item)
    return list(groups.values())


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def unsubscribe_url(subscriber) -> str:
    return absolute(
        reverse("community:newsletter_unsubscribe", args=[subscriber_token(subscriber, UNSUBSCRIBE)])
    )


def manage_url(subscriber) -> str:
    return absolute(reverse("community:newsletter_manage", args=[subscriber_token(subscriber, MANAGE)]))


def issue_title(issue) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _("Nieuwsbrief %(month)s") % {"month": formats.date_format(issue.month, "F Y")}


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str
    html: str
    headers: dict


def render_mail(issue, items, subscriber=None, *, region=None) -> Mail:
    """The mail as this subscriber gets it (no subscriber: the editor's preview and test, all items)."""
    reader = reader_of(subscriber) if subscriber is not None else EVERYONE
    mine = items_for(items, reader)
    links = (
        {"unsubscribe_url": unsubscribe_url(subscriber), "manage_url": manage_url(subscriber)}
        if subscriber is not None
        else {"unsubscribe_url": absolute(reverse("community:newsletter_subscribe")), "manage_url": ""}
    )
    context = {
        "issue": issue,
        "title": issue_title(issue),
        "groups": grouped(mine),
        "archive_url": absolute(reverse("community:newsletter_issue", args=[issue.pk])),
        "site_url": settings.SITE_URL,
        "region": region,
        **links,
    }
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string("community/newsletter/email/issue.txt", context)
        html = render_to_string("community/newsletter/email/issue.html", context)
    headers = (
        {
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if subscriber is not None
        else {}
    )
    return Mail(subject=context["title"], text=text, html=html, headers=headers)
