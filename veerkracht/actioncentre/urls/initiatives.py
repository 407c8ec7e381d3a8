from __future__ import annotations

from django.urls import path

from ..views import initiatives as views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("nieuw/", views.initiative_create, name="create"),
    path("goedkeuren/", views.review_queue, name="review"),
    path("goedkeuren/<int:pk>/", views.review_decide, name="review_decide"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.initiative_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.initiative_edit, name="edit"),
    path("<slug:slug>/fase/", views.initiative_phase, name="phase"),
    path("<slug:slug>/nieuws/", views.post_update, name="post_update"),
    path("<slug:slug>/nodig/", views.needs, name="needs"),
    path("<slug:slug>/nodig/<int:pk>/afsluiten/", views.need_close, name="need_close"),
    path("<slug:slug>/partners/", views.partners, name="partners"),
    path("<slug:slug>/volgen/", views.follow, name="follow"),
    path("<slug:slug>/niet-meer-volgen/", views.unfollow, name="unfollow"),
]
