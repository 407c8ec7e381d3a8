from __future__ import annotations

from django.urls import path

from ..views import newsletter as views

urlpatterns = [
    path("nieuwsbrief/", views.archive, name="newsletter_archive"),
    path("nieuwsbrief/<int:pk>/", views.issue_page, name="newsletter_issue"),
    path("nieuwsbrief/aanmelden/", views.subscribe, name="newsletter_subscribe"),
    path("nieuwsbrief/aanmelden/kijk-in-je-mail/", views.subscribe_sent, name="newsletter_sent"),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("nieuwsbrief/instellingen/<str:token>/", views.manage, name="newsletter_manage"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
    path("nieuwsbrief/afgemeld/", views.unsubscribed, name="newsletter_unsubscribed"),
    path("nieuwsbrief/redactie/", views.editor, name="newsletter_editor"),
    path("nieuwsbrief/redactie/<int:pk>/", views.edit, name="newsletter_edit"),
    path("nieuwsbrief/redactie/<int:pk>/e-mail/", views.mail_preview, name="newsletter_mail"),
    path("nieuwsbrief/redactie/<int:pk>/test/", views.send_test, name="newsletter_test"),
    path("nieuwsbrief/redactie/<int:pk>/versturen/", views.send, name="newsletter_send"),
    path("nieuwsbrief/redactie/bericht/<int:pk>/verplaatsen/", views.item_move, name="newsletter_item_move"),
    path("nieuwsbrief/redactie/bericht/<int:pk>/weghalen/", views.item_remove, name="newsletter_item_remove"),
]
