"""After the event: the organiser turns ideas that came up into action-centre requests or initiatives."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from ..forms.ideas import IdeaForm
from ..permissions.events import get_event_for_organiser
from ..selectors.ideas import ideas_of
from ..services import ideas as services


@login_required
def ideas(request: HttpRequest, pk: int) -> HttpResponse:
    region = get_region_or_404(request)
    event = get_event_for_organiser(request.user, pk, region)
    initial = {"municipality": event.municipality_id}
    form = IdeaForm(request.POST or None, initial=initial, municipalities=municipalities_for_region(region))
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_create(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Het idee “%(title)s” staat nu in het actiecentrum.") % {"title": idea.title}
            )
            return redirect("agenda:ideas", pk=event.pk)
    context = {"event": event, "form": form, "ideas": ideas_of(event), "started": event.has_started}
    return render(request, "agenda/reports/ideas.html", context)
