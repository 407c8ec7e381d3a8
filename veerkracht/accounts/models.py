from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from veerkracht.core.models import TimeStampedModel
from veerkracht.regions.models import Municipality, Region


class Role(models.TextChoices):
    # Every account is a resident; the other roles are granted by a region admin.
    RESIDENT = "resident", _("inwoner")
    PROFESSIONAL = "professional", _("professional")
    AMBASSADOR = "ambassador", _("ambassadeur")
    STAFF = "staff", _("medewerker actiecentrum")
    PARTNER_ADMIN = "partner_admin", _("beheerder partnerorganisatie")
    ANALYST = "analyst", _("analist")
    REGION_ADMIN = "region_admin", _("regiobeheerder")
    # May organise agenda events (and so see their attendee lists): given to ambassadors and partner
    # admins who organise sessions; action-centre staff and region admins organise without it.
    ORGANISER = "organiser", _("organisator van bijeenkomsten")
    # Runs the training plan: courses, enrolments, certificates and the budget.
    TRAINING_COORDINATOR = "training_coordinator", _("coördinator scholing")
    # An implementation coach: supports organisations in bringing Positive Health into their work.
    COACH = "coach", _("implementatiecoach")


GRANTABLE_ROLES = [r for r in Role if r != Role.RESIDENT]
# Roles that can see other people's data or manage the platform: two-step login is required.
MFA_REQUIRED_ROLES = frozenset(
    {
        Role.PROFESSIONAL,
        Role.STAFF,
        Role.PARTNER_ADMIN,
        Role.ANALYST,
        Role.REGION_ADMIN,
        Role.ORGANISER,
        Role.TRAINING_COORDINATOR,
        Role.COACH,
    }
)


class AgeBand(models.TextChoices):
    UNDER_18 = "0-17", _("jonger dan 18")
    A18_24 = "18-24", _("18 tot 25 jaar")
    A25_34 = "25-34", _("25 tot 35 jaar")
    A35_44 = "35-44", _("35 tot 45 jaar")
    A45_54 = "45-54", _("45 tot 55 jaar")
    A55_64 = "55-64", _("55 tot 65 jaar")
    A65_74 = "65-74", _("65 tot 75 jaar")
    A75_PLUS = "75+", _("75 jaar of ouder")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. E-mail is the login; a password is optional (login by code)."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    is_active = models.BooleanField(_("actief"), default=True)
    # Only for technical operators (createsuperuser); region admins use their role instead.
    is_staff = models.BooleanField(_("technisch beheerder"), default=False)
    date_joined = models.DateTimeField(_("lid sinds"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def display_name(self) -> str:
        profile = getattr(self, "profile", None)
        if profile is not None and profile.display_name:
            return profile.display_name
        return self.email.split("@", 1)[0]

    def refresh_from_db(self, *args, **kwargs) -> None:
        self.__dict__.pop("_roles_cache", None)
        super().refresh_from_db(*args, **kwargs)

    @property
    def roles(self) -> frozenset[str]:
        """All roles of this person, resident included; cached on the instance (one query)."""
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            granted = {a.role for a in self.role_assignments.all()} if self.pk else set()
            cached = frozenset(granted | {Role.RESIDENT.value})
            self._roles_cache = cached
        return cached

    def has_role(self, role: str) -> bool:
        return self.is_active and role in self.roles


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("rol"), max_length=20, choices=[(r.value, r.label) for r in GRANTABLE_ROLES])
    granted_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gegeven door"),
    )
    created_at = models.DateTimeField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="role_unique_per_user")]

    def __str__(self) -> str:
        return self.get_role_display()


class Profile(TimeStampedModel):
    """Only what the platform needs: no birth date, no address."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(
        _("naam die anderen zien"), max_length=80, blank=True, help_text=_("Bijvoorbeeld je voornaam.")
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.SET_NULL
    )
    neighbourhood = models.CharField(_("wijk of dorp"), max_length=80, blank=True)
    age_band = models.CharField(_("leeftijd"), max_length=5, choices=AgeBand.choices, blank=True)
    preferred_language = models.CharField(
        _("taal"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self) -> str:
        return self.display_name or self.user.email


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("gemeente")
    GGD = "ggd", _("GGD")
    DISTRICT_TEAM = "district_team", _("sociaal wijkteam")
    GP_PRACTICE = "gp_practice", _("huisartsenpraktijk")
    HOSPITAL = "hospital", _("ziekenhuis")
    CARE = "care", _("zorgorganisatie")
    WELFARE = "welfare", _("welzijnsorganisatie")
    # "education" stays for organisations that chose it before the kinds of school were there.
    EDUCATION = "education", _("onderwijs")
    HOGESCHOOL = "hogeschool", _("hogeschool")
    MBO = "mbo", _("mbo-school")
    PROVINCE = "province", _("provincie")
    INTEREST_GROUP = "interest_group", _("belangenorganisatie")
    INSURER = "insurer", _("zorgverzekeraar")
    EMPLOYER = "employer", _("werkgever")
    CITIZENS = "citizens", _("burgerinitiatief")
    OTHER = "other", _("anders")


class Organisation(TimeStampedModel):
    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("korte naam"), max_length=160, unique=True)
    type = models.CharField(_("soort organisatie"), max_length=20, choices=OrganisationType.choices)
    is_core_partner = models.BooleanField(_("kernpartner"), default=False)
    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="organisations"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), null=True, blank=True, on_delete=models.SET_NULL
    )
    description = models.TextField(_("beschrijving"), blank=True, max_length=2000)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    members = models.ManyToManyField(User, through="Membership", related_name="organisations")

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("beheerder")
    MEMBER = "member", _("medewerker")


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol in de organisatie"), max_length=10, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class UserSession(AbstractBaseSession):
    """A session with the id of the person logged in (no key to the user: a session outlives nothing it
    points at, and deleting an account deletes its sessions through this column, without decoding every
    session). The engines in ``accounts/sessions/`` store it; Django's own table is no longer used."""

    user_id = models.BigIntegerField(null=True, db_index=True)

    class Meta(AbstractBaseSession.Meta):
        db_table = "accounts_session"
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    @classmethod
    def get_session_store_class(cls):
        from .sessions.db import SessionStore

        return SessionStore
