"""The policy register: which municipalities have Positive Health in their local health policy.

Public to read (the list with its map, each municipality's entry with its history, a CSV download);
changed by the municipality's own staff and region admins (permissions.py).
"""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from veerkracht.lib import geo
from veerkracht.regions.selectors import get_region_or_404

from .forms import FilterForm, PolicyForm
from .models import Status
from .permissions import get_municipality_for_policy
from .selectors import PolicyRow, policy_history, policy_row, policy_rows, policy_summary
from .services import policy_save

# In the policy: the site's dark primary colour; not: orange; unknown: grey. They differ in lightness
# as well as in hue, so they stay apart for colour-blind readers and in greyscale print.
STATUS_COLOURS = {Status.YES: "#0b6158", Status.NO: "#e69f00", Status.UNKNOWN: "#c4c4c4"}
FILTERED_OUT_COLOUR = "#ffffff"
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def policy_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = FilterForm(request.GET or None)
    filters = form.filters()
    rows = policy_rows(region, filters)
    filtered = any(filters.values())
    shown = [row for row in rows if row.matches]
    query = urlencode({k: v for k, v in request.GET.items() if k in form.fields and v})
    context = {
        "form": form,
        "filtered": filtered,
        "rows": shown,
        "summary": policy_summary(rows),
        "csv_url": reverse("policy:csv") + (f"?{query}" if query else ""),
        "map_svg": _map(region, rows),
        "map_legend": _legend(filtered),
        "map_attribution": geo.ATTRIBUTION,
    }
    return render(request, "policy/list.html", context)


def _status_sentence(row: PolicyRow) -> str:
    if row.status == Status.YES:
        if row.since_year:
            return _("staat in het beleid, sinds %(year)d") % {"year": row.since_year}
        return _("staat in het beleid")
    if row.status == Status.NO:
        return _("staat niet in het beleid")
    return _("niet bekend")


def _map(region, rows: list[PolicyRow]) -> str:
    areas = []
    for row in rows:
        label = f"{row.name}: {_status_sentence(row)}"
        if row.matches:
            fill = STATUS_COLOURS[row.status]
        else:
            fill = FILTERED_OUT_COLOUR
            label += " " + _("(past niet bij je keuze)")
        url = reverse("policy:detail", args=[row.code])
        areas.append(geo.Area(row.code, row.name, fill, label, url))
    return geo.choropleth_svg(
        shapes=geo.region_shapes(tuple(sorted(row.code for row in rows))),
        areas=areas,
        title=_("Kaart van %(region)s: staat Positieve Gezondheid in het gezondheidsbeleid van de gemeente?")
        % {"region": region.name},
        title_id="beleid-kaart-titel",
    )


def _legend(filtered: bool) -> list[dict]:
    entries = [
        {"colour": STATUS_COLOURS[Status.YES], "label": _("Staat in het beleid")},
        {"colour": STATUS_COLOURS[Status.NO], "label": _("Staat niet in het beleid")},
        {"colour": STATUS_COLOURS[Status.UNKNOWN], "label": _("Niet bekend")},
    ]
    if filtered:
        entries.append({"colour": FILTERED_OUT_COLOUR, "label": _("Past niet bij je keuze")})
    return entries


def policy_csv(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    rows = [row for row in policy_rows(region, FilterForm(request.GET or None).filters()) if row.matches]
    filename = f"beleid-{region.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            "gemeente",
            "cbs_code",
            "in_beleid",
            "sinds",
            "niveaus",
            "themas",
            "beleidsstuk",
            "link",
            "bijgewerkt",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.name,
                row.code,
                row.status,
                row.since_year or "",
                ", ".join(row.levels),
                ", ".join(str(label) for label in row.theme_labels),
                _safe_cell(row.document_title),
                _safe_cell(row.document_url),
                f"{timezone.localtime(row.updated_at):%Y-%m-%d}" if row.updated_at else "",
            ]
        )
    return response


def _safe_cell(text: str) -> str:
    """Text typed by people: a leading =, +, - or @ would make a spreadsheet run it as a formula."""
    return f"'{text}" if text.startswith(CSV_FORMULA_START) else text


def policy_detail(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_municipality_for_policy(request.user, code, region=get_region_or_404(request))
    policy = getattr(municipality, "health_policy", None)
    row = policy_row(municipality)
    context = {
        "municipality": municipality,
        "policy": policy,
        "row": row,
        "status_sentence": _status_sentence(row),
        "history": policy_history(municipality, policy),
    }
    return render(request, "policy/detail.html", context)


@login_required
def policy_edit(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_municipality_for_policy(
        request.user, code, write=True, region=get_region_or_404(request)
    )
    policy = getattr(municipality, "health_policy", None)
    form = PolicyForm(
        request.POST if request.method == "POST" else None, initial=PolicyForm.initial_from(policy)
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = policy_save(municipality=municipality, user=request.user, **form.service_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            changed = saved.pk is not None and (policy is None or saved.updated_at != policy.updated_at)
            if changed:
                messages.success(request, _("Opgeslagen. De wijziging staat in de geschiedenis."))
            else:
                messages.info(request, _("Er was niets veranderd. We hebben niets opgeslagen."))
            return redirect("policy:detail", municipality.code)
    return render(request, "policy/edit.html", {"form": form, "municipality": municipality})
