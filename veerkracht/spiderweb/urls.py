from django.urls import path

from . import views, views_sharing

app_name = "spiderweb"
urlpatterns = [
    path("", views.home, name="home"),
    path("beginnen/", views.start, name="start"),
    path("<int:pk>/stap/<int:number>/", views.step, name="step"),
    path("<int:pk>/", views.result, name="result"),
    path("<int:pk>/reflectie/", views.reflection, name="reflection"),
    path("<int:pk>/verwijderen/", views.delete, name="delete"),
    path("<int:pk>/fhir.json", views.fhir, name="fhir"),
    path("<int:pk>/spinnenweb.pdf", views.pdf, name="pdf"),
    path("zonder-account/spinnenweb.pdf", views.session_pdf, name="session_pdf"),
    path("zonder-account/fhir.json", views.session_fhir, name="session_fhir"),
    path("zonder-account/stap/<int:number>/", views.session_step, name="session_step"),
    path("zonder-account/uitslag/", views.session_result, name="session_result"),
    path("zonder-account/bewaren/", views.session_keep, name="session_keep"),
    path("zonder-account/downloaden/", views.session_download, name="session_download"),
    path("zonder-account/wissen/", views.session_forget, name="session_forget"),
    path("geschiedenis/", views.history, name="history"),
    path("toestemming/", views.consent, name="consent"),
    path("mijn-gegevens.json", views.export, name="export"),
    path("<int:pk>/delen/", views_sharing.share_create, name="share_create"),
    path("delen/", views_sharing.sharing, name="sharing"),
    path("delen/<int:pk>/stoppen/", views_sharing.share_revoke, name="share_revoke"),
    path("met-mij-gedeeld/", views_sharing.shared_home, name="shared_home"),
    path("met-mij-gedeeld/<int:share_pk>/<int:web_pk>/", views_sharing.shared_web, name="shared_web"),
]
