"""Support on measure: the staff page under /netwerk/beheer/ondersteuning/ with a quick form, the log
(filtered by organisation, municipality, kind and year) and a summary per part of the region and kind."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.forms import add_service_errors
from veerkracht.regions.selectors import get_region_or_404

from ..forms.support import SupportEntryForm, SupportFilterForm
from ..permissions import require_network_staff
from ..permissions.support import get_support_entry_for_staff
from ..selectors import support as selectors
from ..services import support as services


def _forms(request: HttpRequest, region) -> tuple[SupportEntryForm, SupportFilterForm]:
    organisations, municipalities, staff = selectors.support_choices(region)
    entry = SupportEntryForm(
        request.POST or None,
        organisations=organisations,
        municipalities=municipalities,
        staff=staff,
        initial={"given_by": request.user.pk},
    )
    filters = SupportFilterForm(
        request.GET,
        organisations=organisations,
        municipalities=municipalities,
        years=selectors.support_years(region),
    )
    return entry, filters


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    require_network_staff(request.user)
    region = get_region_or_404(request)
    form, filter_form = _forms(request, region)
    if request.method == "POST" and form.is_valid():
        try:
            services.support_entry_add(region=region, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De ondersteuning staat in het logboek."))
            return redirect("network:support_manage")
    filters = selectors.SupportFilter(**filter_form.filters())
    context = {
        "form": form,
        "filter_form": filter_form,
        "page": Paginator(selectors.support_log(region, filters), 50).get_page(request.GET.get("page")),
        "summary": selectors.support_summary(region, filters),
    }
    return render(request, "network/support/manage.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_support_entry_for_staff(request.user, pk, get_region_or_404(request))
    services.support_entry_delete(entry=entry, actor=request.user)
    messages.success(request, _("De regel is uit het logboek gehaald."))
    return redirect("network:support_manage")
