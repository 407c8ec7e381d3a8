from __future__ import annotations

from django.urls import path

from ..views import news as views

urlpatterns = [
    path("nieuws/", views.news_list, name="news"),
    path("nieuws/feed.rss", views.NewsRss(), name="news_rss"),
    path("nieuws/feed.atom", views.NewsAtom(), name="news_atom"),
    path("nieuws/beheren/", views.news_manage, name="news_manage"),
    path("nieuws/nieuw/", views.news_create, name="news_create"),
    path("nieuws/<int:pk>/", views.news_detail, name="news_item"),
    path("nieuws/<int:pk>/wijzigen/", views.news_edit, name="news_edit"),
    path("nieuws/<int:pk>/verbergen/", views.news_hide, name="news_hide"),
]
