from __future__ import annotations

from django.urls import path

from ..views import stories as views

urlpatterns = [
    path("verhalen/", views.story_list, name="stories"),
    path("verhalen/nieuw/", views.story_create, name="story_create"),
    path("verhalen/mijn/", views.my_stories, name="my_stories"),
    path("verhalen/feed/", views.StoryFeed(), name="story_feed"),
    path("verhalen/atom/", views.StoryAtomFeed(), name="story_atom"),
    path("verhalen/<int:pk>/", views.story_detail, name="story"),
    path("verhalen/<int:pk>/bewerken/", views.story_edit, name="story_edit"),
    path("verhalen/<int:pk>/verwijderen/", views.story_delete, name="story_delete"),
    path("verhalen/<int:pk>/inspireert/", views.story_inspire, name="story_inspire"),
    path("verhalen/<int:pk>/reageren/", views.story_respond, name="story_respond"),
    path("verhalen/<int:pk>/foto/<int:photo>/", views.waiting_photo, name="story_photo"),
]
