"""News by the action centre: a title, a text, an optional photo, a publication moment and an optional
end. A news item dated in the future is scheduled: nobody but staff sees it before that moment. After
its end it leaves every list, feed and the sitemap; its page stays (links people shared keep working)
but says plainly that it is old news and asks search engines not to index it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.regions.models import Region

from .moderation import Moderated


def news_photo_path(instance: NewsItem, filename: str) -> str:
    # The name is ours (lib/images.py gives a random one), never the uploader's.
    return f"nieuws/{timezone.now():%Y%m}/{instance.photo_name}"


class NewsItem(Moderated):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("titel"), max_length=150)
    text = models.TextField(_("tekst"), max_length=10000)
    photo = models.ImageField(_("foto (mag)"), upload_to=news_photo_path, blank=True)
    photo_name = models.CharField(max_length=80, blank=True)
    photo_alt = models.CharField(_("wat staat er op de foto?"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("publiceren op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op (mag)"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
        ordering = ("-published_at", "-pk")
        indexes = [models.Index(fields=("region", "published_at", "id"), name="news_list_order")]

    def __str__(self) -> str:
        return self.title

    def is_published(self, now=None) -> bool:
        return self.published_at <= (now or timezone.now())

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return not self.is_published()

    @property
    def is_old(self) -> bool:
        return self.is_expired()
