"""Turn webs into what the templates show: steps, the SVG web with its table, history trends."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.translation import gettext as _

from veerkracht.core.nearby import find_nearby
from veerkracht.core.vocabulary import DIMENSION_KEYS, DIMENSION_NAMES
from veerkracht.lib.faces import face_svg
from veerkracht.lib.radar import Series, sparkline_svg, spider_web_svg
from veerkracht.regions.selectors import municipalities_for_region

from .forms import NearbyForm
from .models import Assessment, localized


def step_context(
    web, index: int, error: ValidationError | None, posted: dict | None, request: HttpRequest
) -> dict:
    instrument = web.instrument
    dimension = instrument.dimension(index)
    scale = instrument.definition["scale"]
    params = getattr(error, "params", None) or {}  # errors from full_clean() carry no params
    missing = set(params.get("items", []))
    talk = set(request.POST.getlist("talk")) if posted is not None else web.talk
    items = []
    for item in dimension["items"]:
        value = (posted or {}).get(item["key"], web.answers.get(item["key"]))
        items.append(
            {
                "key": item["key"],
                "field": f"item-{item['key']}",
                "id": item["key"].replace(".", "-"),
                "text": localized(item["text"]),
                "value": str(value) if value is not None else "",
                "talk": item["key"] in talk,
                "missing": item["key"] in missing,
            }
        )
    total = len(instrument.dimensions)
    return {
        "instrument": instrument,
        "dimension_name": localized(dimension["name"]),
        "dimension_question": localized(dimension.get("question") or dimension["name"]),
        "dimension_description": localized(dimension.get("description") or {"nl": ""}),
        "items": items,
        "scale": [
            {"value": str(v), "face": face_svg(v) if scale.get("faces") else ""}
            for v in range(instrument.scale_min, instrument.scale_max + 1)
        ],
        "scale_low": localized(scale["labels"]["0"]),
        "scale_high": localized(scale["labels"]["10"]),
        "number": index + 1,
        "total": total,
        "steps": [localized(d["name"]) for d in instrument.dimensions],
        "is_first": index == 0,
        "is_last": index + 1 == total,
        "action": web.step_url(index),
        "error": error.messages[0] if error is not None else None,
    }


def _date(web: Assessment) -> str:
    return formats.date_format(web.completed_at, "j F Y") if web.completed_at else _("nu")


def _short_date(web: Assessment) -> str:
    return formats.date_format(web.completed_at, "SHORT_DATE_FORMAT") if web.completed_at else _("nu")


def result_context(web: Assessment, *, compare: Assessment | None, others: list[Assessment]) -> dict:
    labels = [str(DIMENSION_NAMES[k]) for k in DIMENSION_KEYS]
    series = []
    if compare is not None:
        series.append(Series(name=_date(compare), values=compare.scores, kind="previous"))
    series.append(Series(name=_date(web), values=web.scores, kind="current"))
    description = "; ".join(
        f"{label}: {_format(score)}" for label, score in zip(labels, web.scores, strict=True)
    )
    rows = []
    for key, label in zip(DIMENSION_KEYS, labels, strict=True):
        score = web.score_for(key)
        before = compare.score_for(key) if compare is not None else None
        rows.append(
            {
                "name": label,
                "score": _format(score),
                "before": _format(before),
                "difference": _signed(score - before) if score is not None and before is not None else "",
            }
        )
    texts = {
        item["key"]: localized(item["text"]) for dim in web.instrument.dimensions for item in dim["items"]
    }
    talk = [{"text": texts[key], "score": web.answers.get(key)} for key in web.talk_about if key in texts]
    return {
        "web": web,
        "svg": spider_web_svg(
            labels=labels,
            series=series,
            title=_("Spinnenweb van %(date)s") % {"date": _date(web)},
            description=description,
        ),
        "rows": rows,
        "compare": compare,
        "compare_date": _date(compare) if compare is not None else "",
        "short_date": _short_date(web),
        "compare_short_date": _short_date(compare) if compare is not None else "",
        "others": [{"pk": o.pk, "date": _date(o)} for o in others],
        "talk": talk,
        "date": _date(web),
        "surface": web.health_surface,
    }


def history_context(webs: list[Assessment]) -> dict:
    """Newest first in the table; trends read from old to new."""
    chronological = list(reversed(webs))
    trends = []
    for key in DIMENSION_KEYS:
        values = [w.score_for(key) for w in chronological]
        label = str(DIMENSION_NAMES[key])
        trends.append(
            {
                "name": label,
                "svg": sparkline_svg(values=values, title=_("Verloop van %(name)s") % {"name": label}),
                "first": _format(next((v for v in values if v is not None), None)),
                "last": _format(next((v for v in reversed(values) if v is not None), None)),
            }
        )
    labels = [str(DIMENSION_NAMES[k]) for k in DIMENSION_KEYS]
    rows = [
        {
            "web": w,
            "date": _short_date(w),
            "scores": [
                {"label": label, "value": _format(s)} for label, s in zip(labels, w.scores, strict=True)
            ],
        }
        for w in webs
    ]
    return {"rows": rows, "trends": trends, "labels": labels}


def _format(value: float | None) -> str:
    return "" if value is None else formats.number_format(value, 1)


def _signed(value: float) -> str:
    text = formats.number_format(abs(value), 1)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else "0")


def nearby_context(request: HttpRequest, *, focus: str = "") -> dict:
    """Uitzicht: what could help nearby with the part of health the resident chose (in the reflection,
    or in the small form under "Wat kun je nu doen?"), in their municipality (their profile's, or the
    one they pick)."""
    region = request.region
    municipalities = list(municipalities_for_region(region))
    by_code = {m.code: m for m in municipalities}
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    own = next((m for m in municipalities if m.pk == getattr(profile, "municipality_id", None)), None)
    form = NearbyForm(
        request.GET if {"kant", "gemeente"} & set(request.GET) else None,
        municipalities=municipalities,
        initial={"kant": focus, "gemeente": own.code if own else ""},
    )
    dimension = form.value("kant") or focus
    # A choice in the form wins (also "none": the whole region); otherwise their own municipality.
    municipality = by_code.get(form.value("gemeente")) if "gemeente" in request.GET else own
    query = {"kant": dimension} if dimension else {}
    if municipality is not None:
        query["gemeente"] = municipality.code
    return {
        "nearby_form": form,
        "nearby_dimension": DIMENSION_NAMES.get(dimension, "") if dimension else "",
        "nearby_place": municipality.name if municipality else "",
        "nearby": find_nearby(region=region, municipality=municipality, dimension=dimension)
        if dimension
        else [],
        "intake_url": _intake_url(query),
    }


def _intake_url(query: dict) -> str:
    try:
        url = reverse("actioncentre:intake")
    except NoReverseMatch:  # the action centre is not installed
        return ""
    return f"{url}?{urlencode(query)}" if query else url
