"""Questions to the movement: the public list, one question with its answers, asking, answering,
marking the answer that helped, reporting, and for staff hiding and handing over to the action centre."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from veerkracht.core.ratelimit import client_ip, too_many
from veerkracht.regions.selectors import get_region_or_404, municipalities_for_region

from ..forms.questions import AnswerForm, FilterForm, HideForm, QuestionForm, ReportForm, ToRequestForm
from ..permissions.questions import get_answer_for_user, get_question_for_user
from ..selectors.questions import answers_for, questions_page
from ..services import questions as services
from ..services.moderation import content_hide, content_report, is_moderator

PER_PAGE = 20


def question_list(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = FilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "page": questions_page(region, filters, request.GET.get("page"), per_page=PER_PAGE),
        "filtered": any(filters.values()),
    }
    return render(request, "community/questions/list.html", context)


def _detail(request: HttpRequest, question, **forms) -> HttpResponse:
    moderator = is_moderator(request.user)
    region = question.region
    context = {
        "question": question,
        "answers": answers_for(question, moderator=moderator),
        "is_asker": request.user.is_authenticated and question.author_id == request.user.pk,
        "moderator": moderator,
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "report_form": ReportForm(),
        "hide_form": HideForm(),
        "request_form": forms.get("request_form")
        or ToRequestForm(
            municipalities=municipalities_for_region(region), initial={"municipality": question.municipality}
        ),
    }
    return render(request, "community/questions/detail.html", context, status=forms.get("status", 200))


def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk, get_region_or_404(request))
    return _detail(request, question)


@login_required
def question_ask(request: HttpRequest) -> HttpResponse:
    region = get_region_or_404(request)
    form = QuestionForm(request.POST or None, municipalities=municipalities_for_region(region))
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_ask(
                region=region,
                author=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                themes=form.cleaned_data["themes"],
                municipality=form.cleaned_data["municipality"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Je vraag staat online. Je krijgt een e-mail als iemand antwoordt."))
            return redirect("community:question", pk=question.pk)
    return render(request, "community/questions/ask.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def answer_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk, get_region_or_404(request))
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_post(question=question, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Dank je wel! Je antwoord staat bij de vraag."))
            return redirect(reverse("community:question", args=[question.pk]) + "#antwoorden")
    return _detail(request, question, answer_form=form, status=400)


@login_required
@require_POST
def answer_helpful(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk, get_region_or_404(request), write=True)
    answer = get_answer_for_user(request.user, question, answer_pk)
    undo = request.POST.get("undo") == "1"
    services.answer_mark_helpful(question=question, answer=None if undo else answer, actor=request.user)
    messages.success(request, _("Opgeslagen.") if undo else _("Fijn dat dit antwoord je hielp!"))
    return redirect(reverse("community:question", args=[question.pk]) + "#antwoorden")


def _target(request: HttpRequest, pk: int, answer_pk: int | None):
    question = get_question_for_user(request.user, pk, get_region_or_404(request))
    return question, (get_answer_for_user(request.user, question, answer_pk) if answer_pk else question)


@require_POST
def report(request: HttpRequest, pk: int, answer_pk: int | None = None) -> HttpResponse:
    question, target = _target(request, pk, answer_pk)
    form = ReportForm(request.POST)
    if too_many("community.report", client_ip(request), limit=10, seconds=3600):
        messages.error(request, _("Je hebt net veel meldingen gedaan. Probeer het later opnieuw."))
    elif form.is_valid():
        content_report(obj=target, reason=form.cleaned_data["reason"], reporter=request.user)
        messages.success(request, _("Dank je wel. Een medewerker kijkt ernaar."))
    else:
        messages.error(request, _("Schrijf kort op wat er mis is."))
    return redirect("community:question", pk=question.pk)


@require_POST
def hide(request: HttpRequest, pk: int, answer_pk: int | None = None) -> HttpResponse:
    if not is_moderator(request.user):
        raise Http404
    question, target = _target(request, pk, answer_pk)
    form = HideForm(request.POST)
    if form.is_valid():
        content_hide(obj=target, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Verborgen. Het staat niet meer op de site."))
    else:
        messages.error(request, _("Schrijf kort op waarom je dit verbergt."))
    return redirect("community:question", pk=question.pk)


@require_POST
def to_request(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_moderator(request.user):
        raise Http404
    region = get_region_or_404(request)
    question = get_question_for_user(request.user, pk, region)
    form = ToRequestForm(request.POST, municipalities=municipalities_for_region(region))
    if form.is_valid():
        try:
            services.question_to_request(
                question=question,
                actor=request.user,
                municipality=form.cleaned_data["municipality"],
                base_url=settings.SITE_URL,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het actiecentrum helpt nu bij deze vraag."))
            return redirect("community:question", pk=question.pk)
    return _detail(request, question, request_form=form, status=400)
