from django.urls import path

from veerkracht.accounts import views as account_views

from .views import sharing, webs

app_name = "spiderweb"
urlpatterns = [
    path("", webs.home, name="home"),
    path("beginnen/", webs.start, name="start"),
    path("<int:pk>/stap/<int:number>/", webs.step, name="step"),
    path("<int:pk>/", webs.result, name="result"),
    path("<int:pk>/reflectie/", webs.reflection, name="reflection"),
    path("<int:pk>/verwijderen/", webs.delete, name="delete"),
    path("<int:pk>/fhir.json", webs.fhir, name="fhir"),
    path("<int:pk>/spinnenweb.pdf", webs.pdf, name="pdf"),
    path("zonder-account/spinnenweb.pdf", webs.session_pdf, name="session_pdf"),
    path("zonder-account/fhir.json", webs.session_fhir, name="session_fhir"),
    path("zonder-account/stap/<int:number>/", webs.session_step, name="session_step"),
    path("zonder-account/uitslag/", webs.session_result, name="session_result"),
    path("zonder-account/bewaren/", webs.session_keep, name="session_keep"),
    path("zonder-account/downloaden/", webs.session_download, name="session_download"),
    path("zonder-account/wissen/", webs.session_forget, name="session_forget"),
    path("geschiedenis/", webs.history, name="history"),
    path("toestemming/", webs.consent, name="consent"),
    # The same download as under "Mijn account": everything every app keeps about the person.
    path("mijn-gegevens.json", account_views.export, name="export"),
    path("<int:pk>/delen/", sharing.share_create, name="share_create"),
    path("delen/", sharing.sharing, name="sharing"),
    path("delen/<int:pk>/stoppen/", sharing.share_revoke, name="share_revoke"),
    path("met-mij-gedeeld/", sharing.shared_home, name="shared_home"),
    path("met-mij-gedeeld/<int:share_pk>/<int:web_pk>/", sharing.shared_web, name="shared_web"),
]
