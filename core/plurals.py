"""Counts in French: "0 réponse", "1 réponse", "2 réponses".

Our msgids are written in French and `locale/fr` leaves them untranslated (`msgstr ""`), so a
count finds its words in no catalogue and Django picks the form by English's rule (`n == 1`),
writing "0 réponses". For a msgid that no catalogue translates, the French site picks the form
by French's rule instead, the one the catalogue's header states
(`Plural-Forms: nplurals=2; plural=(n > 1);`): 0 and 1 are singular.

Django offers no hook for this (`DjangoTranslation` is built inside `translation()`), so
`install()`, called once by `CoreConfig.ready()`, replaces the one method that chooses.
"""

from django.utils.translation import trans_real


def french_plural(n) -> int:
    """The index of the form French uses for `n`: 0 (singular) for 0 and 1, else 1."""
    return int(n > 1)


def _ngettext(self, msgid1: str, msgid2: str, n) -> str:
    try:
        return self._catalog.plural(msgid1, n)
    except KeyError:
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
    if self.language().startswith("fr"):
        return msgid2 if french_plural(n) else msgid1
    return msgid1 if n == 1 else msgid2


def install() -> None:
    trans_real.DjangoTranslation.ngettext = _ngettext
