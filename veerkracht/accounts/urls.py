from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("verwijderen/", views.account_delete, name="delete"),
    path("mijn-gegevens.json", views.export, name="export"),
]
