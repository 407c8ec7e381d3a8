"""Suggestions: who could help with a need (or a request)? Offers, ambassadors and partners, ranked.

score = help type    (an offer of the needed type +4; an ambassador or partner who helps with it +3)
      + 2 × shared themes + 1 × shared dimensions
      + distance     (same municipality +3, same subregion +2, for the whole region +1, elsewhere 0)

Offers of another help type, unavailable ambassadors, hidden offers and private pages never appear.
The score is computed by the database (bit tests in CASE expressions, see vocab.py) and only the best
`limit` rows per kind are fetched: the cost does not grow with the number of offers held in Python.
The reasons shown beside a suggestion are worked out in Python for those few rows only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import IntegerField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from veerkracht.accounts.models import Organisation, Role
from veerkracht.core.vocabulary import DIMENSIONS, THEMES
from veerkracht.regions.models import Municipality

from .models import (
    AmbassadorProfile,
    Availability,
    Connection,
    ConnectionStatus,
    Need,
    Offer,
    PartnerProfile,
    Request,
)
from .vocab import HELP_TYPES

HELP_MATCH_OFFER = 4
HELP_MATCH_PROFILE = 3
SAME_MUNICIPALITY, SAME_SUBREGION, WHOLE_REGION = 3, 2, 1


@dataclass
class Suggestion:
    kind: str  # "offer" | "ambassador" | "partner"
    obj: Offer | AmbassadorProfile | PartnerProfile
    score: int
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable form value naming this candidate, e.g. "offer-12"."""
        return f"{self.kind}-{self.obj.pk}"


@dataclass(frozen=True)
class Wanted:
    """What is asked for, and where; plus who asks (never suggested to themselves)."""

    region_id: int
    help_keys: tuple[str, ...]
    themes: int
    dimensions: int
    municipality_id: int
    subregion_id: int | None
    asker_user_id: int | None = None
    asker_organisation_id: int | None = None

    @property
    def help_mask(self) -> int:
        return HELP_TYPES.mask(self.help_keys)


def suggestions_for_need(need: Need, *, limit: int = 10) -> list[Suggestion]:
    initiative = need.initiative
    wanted = Wanted(
        region_id=initiative.region_id,
        help_keys=(need.help_type,),
        themes=initiative.themes,
        dimensions=initiative.dimensions,
        municipality_id=initiative.municipality_id,
        subregion_id=initiative.subregion_id or _subregion_of(initiative.municipality_id),
        asker_user_id=initiative.owner_id,
        asker_organisation_id=initiative.organisation_id,
    )
    return suggest(wanted, Connection.objects.filter(need=need), limit=limit)


def suggestions_for_request(request: Request, *, limit: int = 10) -> list[Suggestion]:
    wanted = Wanted(
        region_id=request.region_id,
        help_keys=tuple(HELP_TYPES.keys_of(request.needs)),
        themes=request.themes,
        dimensions=request.dimensions,
        municipality_id=request.municipality_id,
        subregion_id=_subregion_of(request.municipality_id),
        asker_user_id=request.sender_id,
    )
    return suggest(wanted, Connection.objects.filter(request=request), limit=limit)


def _subregion_of(municipality_id: int | None) -> int | None:
    if municipality_id is None:
        return None
    return Municipality.objects.filter(pk=municipality_id).values_list("subregion_id", flat=True).first()


@dataclass(frozen=True)
class Taken:
    """Who is already proposed for this need or request (and did not decline): a handful of ids."""

    offers: frozenset[int] = frozenset()
    ambassadors: frozenset[int] = frozenset()
    partners: frozenset[int] = frozenset()

    @classmethod
    def of(cls, connections: QuerySet[Connection]) -> Taken:
        rows = list(
            connections.exclude(status=ConnectionStatus.DECLINED).values_list(
                "offer_id", "ambassador_id", "partner_id"
            )
        )
        return cls(*(frozenset(row[i] for row in rows if row[i] is not None) for i in range(3)))


def suggest(wanted: Wanted, connections: QuerySet[Connection], *, limit: int = 10) -> list[Suggestion]:
    """The best `limit` candidates over all kinds; ties: offers, then ambassadors, then partners.

    `connections` are the existing introductions for the same need or request: whoever is already
    proposed (and did not decline) is left out.
    """
    taken = Taken.of(connections)
    found: list[Suggestion] = []
    for offer in ranked_offers(wanted, taken.offers, limit):
        found.append(Suggestion("offer", offer, offer.score, offer_reasons(offer, wanted)))
    # An ambassador or partner with nothing in common (score 0) is no suggestion. Rows come sorted by
    # score, so dropping them here keeps the best ones (cheaper than repeating the score in WHERE).
    for profile in ranked_ambassadors(wanted, taken.ambassadors, limit):
        if profile.score > 0:
            found.append(
                Suggestion("ambassador", profile, profile.score, ambassador_reasons(profile, wanted))
            )
    for profile in ranked_partners(wanted, taken.partners, limit):
        if profile.score > 0:
            found.append(Suggestion("partner", profile, profile.score, partner_reasons(profile, wanted)))
    # sorted() is stable: within a score, the database order and the kind order above are kept.
    return sorted(found, key=lambda s: -s.score)[:limit]


# --- Scoring in SQL ---------------------------------------------------------------------------


def _int(value: int) -> Value:
    return Value(value, output_field=IntegerField())


def _score(
    wanted: Wanted,
    table: str,
    *,
    help_points: int = 0,
    help_column: str = "",
    municipality_column: str = "municipality_id",
    municipality_table: str = "",
) -> RawSQL:
    """The whole score as one SQL expression over `table`'s own columns (plus the municipality of a
    joined table for partners).

    Written as SQL rather than as nested ORM expressions: building and compiling those cost more
    Python time per request (~10 ms) than the database needs to rank 15,000 rows. Each bit test is
    `(column & bit) / bit`, 0 or 1 with integer division on SQLite and PostgreSQL alike. Only
    integers from our own vocabulary and ids go in, and all as parameters.
    """
    q = connection.ops.quote_name
    col = f"{q(table)}.{{}}".format
    parts, params = [str(int(help_points))], []
    if help_column and wanted.help_mask:
        parts.append(f"CASE WHEN ({col(q(help_column))} & %s) > 0 THEN %s ELSE 0 END")
        params += [wanted.help_mask, HELP_MATCH_PROFILE]
    for weight, column, mask in ((2, "themes", wanted.themes), (1, "dimensions", wanted.dimensions)):
        for key in (THEMES if column == "themes" else DIMENSIONS).keys_of(mask):
            bit = (THEMES if column == "themes" else DIMENSIONS).bits[key]
            parts.append(f"%s * (({col(q(column))} & %s) / %s)")
            params += [weight, bit, bit]
    municipality = f"{q(municipality_table or table)}.{q(municipality_column)}"
    distance = f"CASE WHEN {municipality} = %s THEN %s"
    params += [wanted.municipality_id, SAME_MUNICIPALITY]
    if wanted.subregion_id is not None:  # (a NULL subregion must not count as "the same")
        distance += f" WHEN {col(q('subregion_id'))} = %s THEN %s"
        params += [wanted.subregion_id, SAME_SUBREGION]
    distance += f" WHEN {municipality} IS NULL THEN %s ELSE 0 END"
    params += [WHOLE_REGION]
    parts.append(distance)
    return RawSQL("(" + " + ".join(parts) + ")", params, output_field=IntegerField())  # noqa: S611 - see docstring


def ranked_offers(wanted: Wanted, taken: Iterable[int], limit: int) -> list[Offer]:
    """The best `limit` offers, each with `.score`, best first (two small queries).

    The first query ranks on the offer table alone and returns only (pk, score) of the winners; the
    second loads those few offers with what the page shows. Joining users and organisations before
    the sort would join every candidate row (15,000 of 100,000 offers for one help type).
    """
    # `is_active__in=[True]`, not `is_active=True`: SQLite renders the latter as a bare column, which
    # keeps its planner off the (region, is_active, help_type) index (3× slower on 100,000 offers).
    offers = Offer.objects.filter(region_id=wanted.region_id, is_active__in=[True])
    help_points = 0
    if wanted.help_keys:
        offers = offers.filter(help_type__in=wanted.help_keys)
        help_points = HELP_MATCH_OFFER
    if wanted.asker_user_id is not None:
        offers = offers.exclude(owner_id=wanted.asker_user_id)
    if taken:
        offers = offers.exclude(pk__in=taken)
    best = _best_offers(wanted, offers, help_points, limit)
    if not best:
        return []
    loaded = Offer.objects.select_related("owner__profile", "organisation").in_bulk([pk for pk, _ in best])
    ranked = []
    for pk, score in best:
        if pk in loaded:  # (deleted between the two queries: skip)
            loaded[pk].score = score
            ranked.append(loaded[pk])
    return ranked


def _best_offers(wanted: Wanted, offers: QuerySet[Offer], help_points: int, limit: int) -> list[tuple]:
    """(pk, score) of the best `limit` offers, scoring only the likely candidates first.

    Pre-filter: an offer that shares no theme and is not nearby (same municipality or subregion, or for
    the whole region) scores at most help_points + the shared dimensions. When the best `limit`
    pre-filtered offers all score more than that, no offer left out can beat or tie them, and the
    answer is exact; otherwise (few candidates) the full ranking runs. On 100,000 offers this scores a
    third to a half of one help type's offers instead of all of them.
    """
    score = _score(wanted, Offer._meta.db_table, help_points=help_points)
    near = Q(municipality__isnull=True) | Q(municipality_id=wanted.municipality_id)
    if wanted.subregion_id is not None:
        near |= Q(subregion_id=wanted.subregion_id)
    if wanted.themes:
        near |= THEMES.any_of("themes", THEMES.keys_of(wanted.themes))
    ceiling_outside = help_points + bin(wanted.dimensions & DIMENSIONS.mask(DIMENSIONS.keys)).count("1")
    ranked = offers.annotate(score=score).order_by("-score", "-created_at", "-pk").values_list("pk", "score")
    best = list(ranked.filter(near)[:limit])
    if len(best) == limit and best[-1][1] > ceiling_outside:
        return best
    return list(ranked[:limit])


def _load_ranked(model, best: list[tuple[int, int]], *related: str) -> list:
    """Second step of a ranking: load the few winners (with what the page shows), keep the order."""
    loaded = model.objects.select_related(*related).in_bulk([pk for pk, _score in best])
    ranked = []
    for pk, score in best:
        if pk in loaded:
            loaded[pk].score = score
            ranked.append(loaded[pk])
    return ranked


def ranked_ambassadors(wanted: Wanted, taken: Iterable[int], limit: int) -> list[AmbassadorProfile]:
    """Like offers: rank on the profile table alone, then load the winners with their user."""
    profiles = AmbassadorProfile.objects.filter(
        region_id=wanted.region_id,
        is_public=True,
        user__is_active=True,
        # One row at most per user and role (a unique constraint): the join adds no duplicates.
        user__role_assignments__role=Role.AMBASSADOR,
    ).exclude(availability=Availability.UNAVAILABLE)
    if taken:
        profiles = profiles.exclude(pk__in=taken)
    if wanted.asker_user_id is not None:
        profiles = profiles.exclude(user_id=wanted.asker_user_id)
    best = list(
        profiles.annotate(score=_score(wanted, AmbassadorProfile._meta.db_table, help_column="help_types"))
        .order_by("-score", "-updated_at", "-pk")
        .values_list("pk", "score")[:limit]
    )
    return _load_ranked(AmbassadorProfile, best, "user__profile", "organisation")


def ranked_partners(wanted: Wanted, taken: Iterable[int], limit: int) -> list[PartnerProfile]:
    profiles = PartnerProfile.objects.filter(organisation__region_id=wanted.region_id, is_public=True)
    if taken:
        profiles = profiles.exclude(organisation_id__in=taken)
    if wanted.asker_organisation_id is not None:
        profiles = profiles.exclude(organisation_id=wanted.asker_organisation_id)
    # The organisation is joined (the region filter), under its own table name.
    score = _score(
        wanted,
        PartnerProfile._meta.db_table,
        help_column="help_types",
        municipality_table=Organisation._meta.db_table,
    )
    best = list(
        profiles.annotate(score=score)
        .order_by("-score", "-organisation__created_at", "-pk")
        .values_list("pk", "score")[:limit]
    )
    return _load_ranked(PartnerProfile, best, "organisation__municipality")


# --- Reasons in plain language (for the few rows shown) ----------------------------------------


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _shared(obj, wanted: Wanted) -> list[str]:
    reasons = []
    themes = THEMES.labels_of(obj.themes & wanted.themes)
    if themes:
        reasons.append(
            ngettext("1 thema gemeen: %(names)s", "%(count)d thema's gemeen: %(names)s", len(themes))
            % {"count": len(themes), "names": ", ".join(themes)}
        )
    dimensions = DIMENSIONS.labels_of(obj.dimensions & wanted.dimensions)
    if dimensions:
        reasons.append(
            ngettext(
                "1 kant van gezondheid gemeen: %(names)s",
                "%(count)d kanten van gezondheid gemeen: %(names)s",
                len(dimensions),
            )
            % {"count": len(dimensions), "names": ", ".join(dimensions)}
        )
    return reasons


def _where(wanted: Wanted, municipality_id: int | None, subregion_id: int | None) -> list[str]:
    if municipality_id == wanted.municipality_id:
        return [_("In dezelfde gemeente")]
    if wanted.subregion_id is not None and subregion_id == wanted.subregion_id:
        return [_("In dezelfde deelregio")]
    if municipality_id is None:
        return [_("Voor de hele regio")]
    return []


def _helps_with_reason(help_types: int, wanted: Wanted) -> list[str]:
    labels = HELP_TYPES.labels_of(help_types & wanted.help_mask)
    if not labels:
        return []
    return [_("Kan helpen met: %(what)s") % {"what": ", ".join(_lower_first(label) for label in labels)}]


def offer_reasons(offer: Offer, wanted: Wanted) -> list[str]:
    reasons = []
    if wanted.help_keys:
        reasons.append(_("Biedt %(what)s") % {"what": _lower_first(offer.get_help_type_display())})
    return reasons + _shared(offer, wanted) + _where(wanted, offer.municipality_id, offer.subregion_id)


def ambassador_reasons(profile: AmbassadorProfile, wanted: Wanted) -> list[str]:
    reasons = _helps_with_reason(profile.help_types, wanted) + _shared(profile, wanted)
    reasons += _where(wanted, profile.municipality_id, profile.subregion_id)
    if profile.availability == Availability.LIMITED:
        reasons.append(_("Let op: heeft weinig tijd"))
    return reasons


def partner_reasons(profile: PartnerProfile, wanted: Wanted) -> list[str]:
    reasons = _helps_with_reason(profile.help_types, wanted) + _shared(profile, wanted)
    return reasons + _where(wanted, profile.organisation.municipality_id, profile.subregion_id)
