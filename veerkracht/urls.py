from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from veerkracht.accounts import dev
from veerkracht.accounts.views import set_language

urlpatterns = [
    path("", include("veerkracht.core.urls")),
    path("mijn-account/", include("veerkracht.accounts.urls")),
    path("mijn-spinnenweb/", include("veerkracht.spiderweb.urls")),
    path("actiecentrum/", include("veerkracht.actioncentre.urls.requests")),
    path("initiatieven/", include("veerkracht.actioncentre.urls.initiatives")),
    path("initiatieven/", include("veerkracht.actioncentre.urls.moderation")),
    path("verbinden/", include("veerkracht.actioncentre.urls.connect")),
    path("verbinden/", include("veerkracht.actioncentre.urls.partnerships")),
    path("agenda/", include("veerkracht.agenda.urls")),
    path("", include("veerkracht.community.urls")),
    path("scholing/", include("veerkracht.learning.urls")),
    path("netwerk/", include("veerkracht.network.urls")),
    path("monitor/beleid/", include("veerkracht.policy.urls")),
    path("monitor/", include("veerkracht.monitor.urls")),
    path("api/v1/", include("veerkracht.monitor.api", namespace="api")),
    path("accounts/", include("allauth.urls")),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [path("dev/mail/", dev.mail_list, name="dev_mail")]
    # Uploaded photos; in production the web server serves MEDIA_ROOT at /media/.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "veerkracht.core.views.error_400"
handler403 = "veerkracht.core.views.error_403"
handler404 = "veerkracht.core.views.error_404"
handler500 = "veerkracht.core.views.error_500"
