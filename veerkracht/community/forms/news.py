from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.lib.images import MAX_UPLOAD_BYTES, prepare_photo

from ..models import NewsItem


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class NewsForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150)
    text = forms.CharField(label=_("Tekst"), max_length=10000, widget=_textarea(10))
    published_date = forms.DateField(
        label=_("Verschijnt op"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Kies een dag in de toekomst om het bericht pas dan te laten verschijnen."),
    )
    published_time = forms.TimeField(
        label=_("Om"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    expires_date = forms.DateField(
        label=_("Laatste dag in de lijst"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Mag leeg blijven. Na deze dag staat het bericht niet meer in de lijst."),
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Een JPEG-, PNG- of WebP-foto van hoogstens 5 MB. Vraag mensen op de foto of het mag."),
    )
    photo_alt = forms.CharField(
        label=_("Wat staat er op de foto?"),
        max_length=200,
        required=False,
        help_text=_("Voor wie de foto niet kan zien."),
    )
    remove_photo = forms.BooleanField(label=_("Foto weghalen"), required=False)

    def __init__(self, *args, item: NewsItem | None = None, **kwargs) -> None:
        if item is not None:
            kwargs.setdefault("initial", self.initial_for(item))
        elif "initial" not in kwargs:
            now = timezone.localtime()
            kwargs["initial"] = {"published_date": now.date(), "published_time": now.time().replace(second=0)}
        super().__init__(*args, **kwargs)
        if item is None or not item.photo:
            del self.fields["remove_photo"]

    @staticmethod
    def initial_for(item: NewsItem) -> dict:
        published = timezone.localtime(item.published_at)
        expires = timezone.localtime(item.expires_at) - timedelta(days=1) if item.expires_at else None
        return {
            "title": item.title,
            "text": item.text,
            "published_date": published.date(),
            "published_time": published.time().replace(second=0, microsecond=0),
            "expires_date": expires.date() if expires else None,
            "photo_alt": item.photo_alt,
        }

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn."))
        return prepare_photo(upload)

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("photo_alt") or "").strip():
            self.add_error("photo_alt", _("Vertel in een paar woorden wat er op de foto staat."))
        if data.get("published_date") and data.get("published_time"):
            data["published_at"] = timezone.make_aware(
                datetime.combine(data["published_date"], data["published_time"])
            )
            expires = data.get("expires_date")
            # The whole last day counts: the item leaves the list at midnight after it.
            data["expires_at"] = (
                timezone.make_aware(datetime.combine(expires + timedelta(days=1), time.min))
                if expires
                else None
            )
            if data["expires_at"] and data["expires_at"] <= data["published_at"]:
                self.add_error("expires_date", _("De laatste dag moet na de dag van verschijnen komen."))
        return data


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom verberg je dit?"),
        max_length=1000,
        widget=_textarea(2),
        help_text=_("Dit komt in het logboek."),
    )
