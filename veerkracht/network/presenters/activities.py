"""What an ambassador's year looks like: twelve small columns for the months (the page shows the same
numbers as a table), and the thank-you letter with the year's figures as a PDF."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.lib.svg import FONT_FAMILY, MUTED_TEXT_COLOUR, TEXT_COLOUR, escape, fmt, svg_root, tag

from ..models import ActivityKind, ActivitySource
from ..selectors.activities import Year

BAR_COLOUR = "#0b6158"
WIDTH, HEIGHT, BOTTOM, TOP = 336, 120, 20, 16
MONTHS = range(1, 13)


def month_names() -> list[str]:
    return [formats.date_format(_month(m), "F") for m in MONTHS]


def _month(month: int):
    from datetime import date

    return date(2000, month, 1)


def _text(x: float, y: float, text: str, *, size: int = 11, fill: str = TEXT_COLOUR) -> str:
    attrs = {"x": fmt(x, 1), "y": fmt(y, 1), "font-size": size, "fill": fill, "text-anchor": "middle"}
    return tag("text", {**attrs, "font-family": FONT_FAMILY}, escape(text))


def months_svg(year: Year) -> str:
    """Columns per month with the number above each; one image with a title in words."""
    highest = max(year.per_month, default=0) or 1
    slot = WIDTH / 12
    usable = HEIGHT - BOTTOM - TOP
    parts = [
        tag(
            "line",
            {"x1": 0, "x2": WIDTH, "y1": HEIGHT - BOTTOM, "y2": HEIGHT - BOTTOM, "stroke": MUTED_TEXT_COLOUR},
        )
    ]
    for index, (name, count) in enumerate(zip(month_names(), year.per_month, strict=True)):
        x = index * slot
        height = usable * count / highest
        top = HEIGHT - BOTTOM - height
        if count:
            parts.append(
                tag(
                    "rect",
                    {
                        "x": fmt(x + 4, 1),
                        "y": fmt(top, 1),
                        "width": fmt(slot - 8, 1),
                        "height": fmt(height, 1),
                        "fill": BAR_COLOUR,
                    },
                )
            )
        parts.append(_text(x + slot / 2, top - 4, str(count)))
        parts.append(_text(x + slot / 2, HEIGHT - 5, name[:3], fill=MUTED_TEXT_COLOUR))
    title = _("Activiteiten per maand in %(year)d") % {"year": year.year}
    root = {"role": "img", "aria-label": title, "class": "vk-chart"}
    inner = tag("title", {}, escape(title)) + tag("g", {"aria-hidden": "true"}, "".join(parts))
    return svg_root(root, WIDTH, HEIGHT, inner)


def month_rows(year: Year) -> list[tuple[str, int]]:
    return list(zip(month_names(), year.per_month, strict=True))


SHOWN = 30  # the list shows the latest ones; "toon alles" shows the whole year


def activity_rows(year: Year, *, limit: int | None = SHOWN) -> list[dict]:
    """The year's list, formatted once here: the page shows up to a few hundred rows, and the template
    engine would otherwise format every date and translate every label per row."""
    from django.urls import reverse

    edit = reverse("network:activity_edit", args=[0]).replace("/0/", "/{}/")
    delete = reverse("network:activity_delete", args=[0]).replace("/0/", "/{}/")
    elsewhere = _("online of buiten de regio")
    kinds = dict(ActivityKind.choices)
    sources = dict(ActivitySource.choices)
    rows = []
    for activity in year.activities[:limit]:
        own = activity.source == ActivitySource.LOGGED
        kind = str(kinds.get(activity.kind, activity.kind))
        day = formats.date_format(activity.on, "j F Y")
        rows.append(
            {
                "kind": kind[:1].upper() + kind[1:],
                "about": f"{kind}, {day}",
                "day": day,
                "place": activity.municipality.name if activity.municipality_id else elsewhere,
                "people": str(activity.people),
                "note": activity.note,
                "source": "" if own else str(sources.get(activity.source, "")),
                "edit_url": edit.format(activity.pk) if own else "",
                "delete_url": delete.format(activity.pk) if own else "",
            }
        )
    return rows


def summary_sentence(year: Year) -> str:
    activities = ngettext("%(n)d activiteit", "%(n)d activiteiten", year.total) % {"n": year.total}
    people = ngettext("ongeveer %(n)d mens", "ongeveer %(n)d mensen", year.people) % {"n": year.people}
    return _("%(activities)s, met %(people)s.") % {"activities": activities, "people": people}


def year_overview_pdf(*, ambassador, year: Year, region) -> bytes:
    """The thank-you letter (WeasyPrint, in the style of the learning app's certificate)."""
    from veerkracht.lib.pdf import html_to_pdf

    context = {
        "ambassador": ambassador,
        "name": ambassador.user.display_name,
        "year": year,
        "region": region,
        "per_kind": [row for row in year.per_kind if row[2]],
        "months_svg": months_svg(year),
        "summary": summary_sentence(year),
    }
    return html_to_pdf(render_to_string("network/activities/overview_pdf.html", context))
