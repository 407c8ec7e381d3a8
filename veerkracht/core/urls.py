from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("positieve-gezondheid/", views.positive_health, name="positive_health"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("contact/", views.contact, name="contact"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("e-mail/niet-verstuurd/", views.failed_mail, name="failed_mail"),
    path("e-mail/niet-verstuurd/<int:pk>/opnieuw/", views.failed_mail_resend, name="failed_mail_resend"),
]
