"""The shared vocabulary of the platform, at the bottom of the house: every app speaks it.

The six dimensions of Positive Health (Huber et al. 2016) with their keys, names and order, the
plain-language question each dimension asks, and the social themes initiatives, offers, sessions and
stories are tagged with. ``DIMENSIONS`` and ``THEMES`` are bit sets (``veerkracht.lib.flags``): their
order is part of the stored data, so add new themes at the end and never reorder or remove one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from veerkracht.lib.flags import Flags

DIMENSION_KEYS = ("body", "mind", "meaning", "quality", "participation", "daily")
DIMENSION_NAMES = {
    "body": _("Lichaamsfuncties"),
    "mind": _("Mentaal welbevinden"),
    "meaning": _("Zingeving"),
    "quality": _("Kwaliteit van leven"),
    "participation": _("Meedoen"),
    "daily": _("Dagelijks functioneren"),
}
# What each dimension asks, in plain language (B1), for the home page and the explanation page.
DIMENSION_QUESTIONS = {
    "body": _("Hoe gaat het met je lichaam? Denk aan je energie, slapen, eten, bewegen en pijn."),
    "mind": _("Hoe voel je je van binnen? Kun je goed nadenken, omgaan met zorgen en jezelf zijn?"),
    "meaning": _("Wat geeft je leven zin? Waar word je blij van en waar kijk je naar uit?"),
    "quality": _("Geniet je van het leven? Voel je je veilig, heb je een fijn huis en genoeg geld?"),
    "participation": _(
        "Heb je goed contact met anderen? Hoor je erbij en doe je mee, met werk of vrijwilligerswerk?"
    ),
    "daily": _("Lukt het om voor jezelf te zorgen, je dag te plannen en hulp te vragen als dat nodig is?"),
}

DIMENSIONS = Flags([(key, DIMENSION_NAMES[key]) for key in DIMENSION_KEYS])

THEMES = Flags(
    [
        ("loneliness", _("Eenzaamheid en meedoen")),
        ("money", _("Geldzorgen en schulden")),
        ("work", _("Werk en inkomen")),
        ("movement", _("Bewegen en sport")),
        ("food", _("Gezond eten")),
        ("youth", _("Jeugd en gezin")),
        ("elderly", _("Ouder worden")),
        ("neighbourhood", _("Wonen en de wijk")),
        ("mental", _("Mentale gezondheid")),
        ("care", _("Zorg en welzijn")),
        ("school", _("School en leren")),
        ("nature", _("Natuur en buiten")),
        ("culture", _("Cultuur en creativiteit")),
        ("volunteering", _("Vrijwilligerswerk")),
    ]
)


# The levels municipalities work on (DOMAIN.md), and the five ways people use Positive Health
# ("Lessen uit Limburg", 2021). Stories, library items and courses are tagged with them; the keys are
# stored, so never rename one.
LEVELS = (
    ("nano", _("nano: de persoon")),
    ("micro", _("micro: het gesprek en het team")),
    ("meso", _("meso: organisaties en wijken")),
    ("macro", _("macro: beleid")),
)
INTERPRETATIONS = (
    ("approach", _("Een brede kijk op gezondheid, met de mens in het midden")),
    ("reflection", _("Een hulpmiddel om na te denken over wat je belangrijk vindt")),
    ("change", _("Een aanjager van verandering in organisaties of wijken")),
    ("framework", _("Een gedeeld kader om samen te werken")),
    ("movement", _("Een beweging in de samenleving")),
)
# The same as bit sets, for things tagged with several (stories, library items); order is stored data.
LEVEL_FLAGS = Flags(LEVELS)
INTERPRETATION_FLAGS = Flags(INTERPRETATIONS)
