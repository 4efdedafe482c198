"""Members' handles: what `@` mentions, shown under their name. Derived from the name at
sign-up, unique whatever the case, editable in the profile. Their syntax is the spaces' own
(`forums.markup.HANDLE`), so that every handle can be mentioned."""

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from forums.markup import HANDLE, HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH

from .models import Profile

# Words a member may not take: they would pass for the site, its team or everyone.
RESERVED = frozenset({
    "admin", "administrateur", "administratrice", "administration", "aide", "all", "anonyme",
    "bloc-local", "bloclocal", "cnfpt", "contact", "equipe", "everyone", "here", "ici",
    "moderateur", "moderatrice", "moderation", "membre", "membres", "notifications", "null",
    "personne", "root", "staff", "support", "systeme", "system", "tous", "tout-le-monde",
    "webmaster",
})  # fmt: skip
FALLBACK = "membre"


def normalise(value: str) -> str:
    """What a member typed, as stored: without spaces around, nor a leading `@`, in lower case."""
    return value.strip().removeprefix("@").lower()


def validate(value: str, *, profile: Profile | None = None) -> str:
    """The handle `value` normalised, or a ValidationError in French."""
    handle = normalise(value)
    if not HANDLE_MIN_LENGTH <= len(handle) <= HANDLE_MAX_LENGTH:
        raise ValidationError(
            _("Votre identifiant compte de %(min)s à %(max)s caractères."),
            params={"min": HANDLE_MIN_LENGTH, "max": HANDLE_MAX_LENGTH},
            code="length",
        )
    if not HANDLE.fullmatch(handle):
        raise ValidationError(
            _(
                "Votre identifiant ne peut contenir que des lettres minuscules sans accent, des "
                "chiffres et des tirets (ni au début ni à la fin)."
            ),
            code="invalid",
        )
    if handle in RESERVED:
        raise ValidationError(
            _("« %(handle)s » est réservé : choisissez-en un autre."),
            params={"handle": handle},
            code="reserved",
        )
    taken = Profile.objects.annotate(lower=Lower("handle")).filter(lower=handle)
    if profile is not None and profile.pk:
        taken = taken.exclude(pk=profile.pk)
    if taken.exists():
        raise ValidationError(
            _("L'identifiant « %(handle)s » est déjà pris : choisissez-en un autre."),
            params={"handle": handle},
            code="taken",
        )
    return handle


def base_for(user) -> str:
    """The handle a name gives (`Hélène Le Goff` -> `helene-le-goff`), else the address's
    first part, else "membre"; short enough to take a number."""
    for text in (f"{user.first_name} {user.last_name}", (user.email or "").partition("@")[0]):
        base = slugify(text.replace("_", "-").replace(".", "-"))[: HANDLE_MAX_LENGTH - 4]
        base = base.strip("-")
        if len(base) >= HANDLE_MIN_LENGTH:
            return base
    return FALLBACK


def new_handle(user) -> str:
    """A free handle for `user`: the one their name gives, else with the first free number
    (`marie-dupont-2`); a reserved one always takes a number."""
    base = base_for(user)
    taken = set(
        Profile.objects.annotate(lower=Lower("handle"))
        .filter(lower__startswith=base)
        .values_list("lower", flat=True)
    )
    if base not in taken and base not in RESERVED:
        return base
    for number in range(2, 1000):
        if f"{base}-{number}" not in taken:
            return f"{base}-{number}"
    return f"{base}-{get_random_string(3, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
