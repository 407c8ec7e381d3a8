from __future__ import annotations

from django.urls import path

from ..views import ambassadors as views

# Dutch path word → action, for the POST-only steps.
CHANGES = {"pauzeren": "pause", "hervatten": "resume", "stoppen": "stop"}
DECISIONS = {"uitnodigen": "invite", "aannemen": "accept", "afwijzen": "decline"}
ONBOARDING = {"afvinken": "tick", "afronden": "done", "groep": "group"}

urlpatterns = [
    path("ambassadeur-worden/", views.become, name="ambassador_become"),
    path("ambassadeur-worden/aanmelding/<int:pk>/", views.application, name="ambassador_application"),
    path(
        "ambassadeur-worden/aanmelding/<int:pk>/intrekken/",
        views.application_withdraw,
        name="ambassador_application_withdraw",
    ),
    path("mijn-ambassadeurschap/", views.mine, name="ambassador_mine"),
    *(
        path(
            f"mijn-ambassadeurschap/{word}/",
            views.mine_change,
            {"action": action},
            name=f"ambassador_{action}",
        )
        for word, action in CHANGES.items()
    ),
    path("beheer/ambassadeurs/", views.manage, name="manage_ambassadors"),
    path("beheer/ambassadeurs/lessen/", views.manage_lessons, name="manage_ambassador_lessons"),
    path("beheer/ambassadeurs/aanmeldingen/<int:pk>/", views.manage_application, name="manage_application"),
    *(
        path(
            f"beheer/ambassadeurs/aanmeldingen/<int:pk>/{word}/",
            views.manage_decide,
            {"action": action},
            name=f"manage_application_{action}",
        )
        for word, action in DECISIONS.items()
    ),
    path("beheer/ambassadeurs/<int:pk>/", views.manage_ambassador, name="manage_ambassador"),
    *(
        path(
            f"beheer/ambassadeurs/<int:pk>/{word}/",
            views.manage_change,
            {"action": action},
            name=f"manage_ambassador_{action}",
        )
        for word, action in CHANGES.items()
    ),
    *(
        path(
            f"beheer/ambassadeurs/<int:pk>/start/{word}/",
            views.manage_onboarding,
            {"step": step},
            name=f"manage_ambassador_{step}",
        )
        for word, step in ONBOARDING.items()
    ),
]
