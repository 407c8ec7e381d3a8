from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.http import base_url, json_attachment
from veerkracht.core.submissions import once

from ..drafts import SessionWeb, StoredWeb
from ..exports import fhir_export, web_export
from ..forms import ConsentForm, ReflectionForm, ShareForm
from ..permissions import get_assessment_for_user
from ..presenters import history_context, nearby_context, result_context, step_context
from ..selectors import (
    active_instrument,
    active_instruments,
    completed_webs,
    notes_on,
    open_drafts,
    other_webs,
    research_consent_given,
    research_consent_initial,
)
from ..services import sharing as sharing_services
from ..services import webs as services


def home(request: HttpRequest) -> HttpResponse:
    context = {"instruments": active_instruments(), "session_web": SessionWeb.load(request)}
    if request.user.is_authenticated:
        context |= {
            "drafts": open_drafts(request.user),
            "webs": completed_webs(request.user)[:5],
            "consent": research_consent_given(request.user),
        }
    return render(request, "spiderweb/home.html", context)


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    instrument = active_instrument(request.POST.get("instrument", ""))
    if instrument is None:
        messages.error(request, _("Kies eerst welke vragenlijst je wilt invullen."))
        return redirect("spiderweb:home")
    if request.user.is_authenticated:
        return redirect(once(request, "spiderweb.start", lambda: _start(request.user, instrument)))
    return redirect(SessionWeb.start(request, instrument).step_url(0))


def _start(owner, instrument) -> str:
    """A new web's first step (sent again: the first one's, core/submissions.py)."""
    web = StoredWeb(services.assessment_start(owner=owner, instrument=instrument))
    return web.step_url(web.step)


@login_required
def step(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    return _fill_in(request, StoredWeb(get_assessment_for_user(request.user, pk)), number)


def session_step(request: HttpRequest, number: int) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is None:
        messages.info(request, _("Je antwoorden zijn niet meer bewaard. Begin opnieuw, dat duurt maar even."))
        return redirect("spiderweb:home")
    return _fill_in(request, web, number)


def _fill_in(request: HttpRequest, web: StoredWeb | SessionWeb, number: int) -> HttpResponse:
    index = number - 1
    if not 0 <= index < len(web.instrument.dimensions):
        raise Http404
    if web.is_completed:
        return redirect(web.result_url())
    if index > web.step:
        return redirect(web.step_url(web.step))
    error, posted = None, None
    if request.method == "POST":
        direction = request.POST.get("direction", "next")
        posted = {k.removeprefix("item-"): v for k, v in request.POST.items() if k.startswith("item-")}
        talk = request.POST.getlist("talk")
        try:
            going_back = direction == "back"
            answers = services.clean_step(web.instrument, index, posted, talk, partial=going_back)
            web.save_step(index, answers, advance=not going_back)
            if going_back:
                return redirect(web.step_url(max(index - 1, 0)))
            if index + 1 < len(web.instrument.dimensions):
                return redirect(web.step_url(index + 1))
            web.complete()
            messages.success(request, _("Klaar! Hier is je spinnenweb."))
            return redirect(web.result_url())
        except ValidationError as exc:
            error = exc
    return render(request, "spiderweb/step.html", step_context(web, index, error, posted, request))


@login_required
def result(request: HttpRequest, pk: int) -> HttpResponse:
    web = get_assessment_for_user(request.user, pk)
    if not web.is_completed:
        return redirect("spiderweb:step", web.pk, web.step + 1)
    others = other_webs(request.user, web)
    compare = next((o for o in others if str(o.pk) == request.GET.get("vergelijk")), None)
    if request.GET.get("vergelijk") and compare is None:
        messages.info(request, _("Dat eerdere spinnenweb kunnen we niet vinden."))
    if compare is not None:
        compare = get_assessment_for_user(request.user, compare.pk)
    reflection = getattr(web, "reflection", None)
    context = result_context(web, compare=compare, others=others)
    context["reflection_form"] = ReflectionForm(instance=reflection)
    context["notes"] = notes_on(web)
    context |= nearby_context(request, focus=getattr(reflection, "focus_dimension", ""))
    return render(request, "spiderweb/result.html", context)


def session_result(request: HttpRequest) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is None or not web.is_completed:
        return redirect("spiderweb:home")
    context = result_context(web.as_assessment(), compare=None, others=[]) | nearby_context(request)
    return render(request, "spiderweb/session_result.html", context)


@login_required
def session_keep(request: HttpRequest) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is None or not web.is_completed:
        messages.info(request, _("Er is geen spinnenweb om te bewaren."))
        return redirect("spiderweb:home")
    if request.GET.get("delen") == "1":  # came from "Account maken en delen": keep and share at once
        return _keep_and_share(request, web)
    if request.method != "POST":
        return render(request, "spiderweb/session_keep.html", {"web": web.as_assessment()})
    # Forget first (and save the session) so a double click cannot keep the same web twice.
    instrument, answers, talk = web.instrument, dict(web.answers), web.talk
    web.forget()
    request.session.save()
    try:
        assessment = services.assessment_create_from_answers(
            owner=request.user, instrument=instrument, answers=answers, talk_about=talk
        )
    except ValidationError:
        messages.error(
            request, _("Dit spinnenweb kon niet worden bewaard. Vul het opnieuw in, dat duurt maar even.")
        )
        return redirect("spiderweb:home")
    messages.success(request, _("Je spinnenweb is bewaard in je account."))
    return redirect("spiderweb:result", assessment.pk)


def _keep_and_share(request: HttpRequest, web: SessionWeb) -> HttpResponse:
    """The sharing form for a web made without an account; sending it keeps the web and shares it."""
    form = ShareForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "web": web.as_assessment(), "keep": True}
    if request.method != "POST" or not form.is_valid():
        return render(request, "spiderweb/share_form.html", context)
    try:
        share, code = sharing_services.share_from_session(
            owner=request.user,
            instrument=web.instrument,
            answers=dict(web.answers),
            talk_about=web.talk,
            **form.service_arguments(),
            base_url=base_url(request),
        )
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return render(request, "spiderweb/share_form.html", context)
    web.forget()
    context = {"share": share, "code": code, "web": share.assessment}
    return render(request, "spiderweb/share_created.html", context)


def session_download(request: HttpRequest) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is None or not web.is_completed:
        raise Http404
    return json_attachment(web_export(web.as_assessment()), "mijn-spinnenweb.json")


@require_POST
def session_forget(request: HttpRequest) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is not None:
        web.forget()
    messages.success(request, _("Je antwoorden zijn gewist. Er is niets van bewaard."))
    return redirect("spiderweb:home")


@login_required
@require_POST
def reflection(request: HttpRequest, pk: int) -> HttpResponse:
    web = get_assessment_for_user(request.user, pk)
    if not web.is_completed:
        raise Http404
    form = ReflectionForm(request.POST, instance=getattr(web, "reflection", None))
    if not form.is_valid():
        context = result_context(web, compare=None, others=[]) | {"reflection_form": form}
        context |= nearby_context(
            request, focus=getattr(getattr(web, "reflection", None), "focus_dimension", "")
        )
        return render(request, "spiderweb/result.html", context, status=200)
    services.reflection_save(assessment=web, **form.cleaned_data)
    messages.success(request, _("Je antwoorden zijn opgeslagen bij dit spinnenweb."))
    return redirect(reverse("spiderweb:result", args=[web.pk]) + "#reflectie")


@login_required
def history(request: HttpRequest) -> HttpResponse:
    webs = list(completed_webs(request.user))
    return render(request, "spiderweb/history.html", history_context(webs))


@login_required
def consent(request: HttpRequest) -> HttpResponse:
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial=research_consent_initial(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.research_consent_set(
            user=request.user, given=form.cleaned_data["given"], education=form.cleaned_data["education"]
        )
        messages.success(request, _("Je keuze is opgeslagen."))
        return redirect("spiderweb:home")
    return render(request, "spiderweb/consent.html", {"form": form})


@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    web = get_assessment_for_user(request.user, pk)
    if request.method == "POST":
        services.assessment_delete(assessment=web)
        messages.success(request, _("Het spinnenweb is verwijderd."))
        return redirect("spiderweb:home")
    return render(request, "spiderweb/delete.html", {"web": web})


@login_required
def fhir(request: HttpRequest, pk: int) -> HttpResponse:
    web = get_assessment_for_user(request.user, pk)
    if not web.is_completed:
        raise Http404
    data = fhir_export(web, base_url=_base_url(request))
    return json_attachment(data, f"spinnenweb-{web.completed_at:%Y-%m-%d}.fhir.json")


def session_fhir(request: HttpRequest) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is None or not web.is_completed:
        raise Http404
    return json_attachment(
        fhir_export(web.as_assessment(), base_url=_base_url(request)), "spinnenweb.fhir.json"
    )


def _base_url(request: HttpRequest) -> str:
    from django.conf import settings

    return settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")


@login_required
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    web = get_assessment_for_user(request.user, pk)
    if not web.is_completed:
        raise Http404
    return _pdf_response(
        request, web, getattr(web, "reflection", None), f"spinnenweb-{web.completed_at:%Y-%m-%d}.pdf"
    )


def session_pdf(request: HttpRequest) -> HttpResponse:
    web = SessionWeb.load(request)
    if web is None or not web.is_completed:
        raise Http404
    return _pdf_response(request, web.as_assessment(), None, "spinnenweb.pdf")


def _pdf_response(request: HttpRequest, web, reflection, filename: str) -> HttpResponse:
    from django.template.loader import render_to_string

    from veerkracht.lib.pdf import html_to_pdf

    region = request.region
    context = result_context(web, compare=None, others=[]) | {
        "reflection": reflection,
        "movement_name": region.movement_name if region else "Veerkracht",
    }
    response = HttpResponse(
        html_to_pdf(render_to_string("spiderweb/pdf.html", context)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
