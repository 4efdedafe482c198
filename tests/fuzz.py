"""What the property-based tests send to the portal, and how they know they sent it everywhere.

`GET_PARAMETERS` lists, per view, the query-string parameters the view reads. It is kept
complete by `tests/portal/test_fuzz.py::test_the_table_lists_every_parameter_a_view_reads`:
that test crawls the site as an anonymous visitor, a member and a staff member with
`request.GET` replaced by a `RecordingQueryDict`, which notes every name a view asks for
(`get`, `[]`, `in`, `getlist`), present or not; a name read and not listed here fails it.
"""

import re
from contextlib import contextmanager
from html import unescape
from urllib.parse import urlsplit

from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.utils.encoding import iri_to_uri
from hypothesis import strategies as st

# Values that broke pages once, and their kin: Unicode digits, FTS5 and tsquery syntax,
# unbalanced quotes, signs without a letter, numbers past every column's range.
AWKWARD = [
    "", "0", "-1", "1", "²", "٣", "１", "1.5", "1e9", "99999999999999999999", str(2**63),
    "last", "json", '"', '""', '"co', "?", "%", "*", "€", "«»", "🙂", "NOT", "a:b", "(", "'",
    "\\", "&", "|", "!", "<script>", "..", "/", "\u202e", " ", "\t",
]  # fmt: skip
# Text as a browser sends it: any character but a lone surrogate, which no address or form can
# encode. A NUL can be sent (%00): portal.middleware.NullCharacterMiddleware takes it out.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
VALUE = st.one_of(
    st.sampled_from(AWKWARD),
    TEXT,
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)

# view name -> the GET parameters it reads (its own, and those of the libraries it runs on).
GET_PARAMETERS = {
    # lists' page numbers and filters (core.listing); a video's start time
    "wagtail_serve": {"page", "territoire", "etape", "edition", "t"},
    "search:search": {"q", "page", "type", "territoire", "etape", "edition", "espace"},
    # the suggestions search within the filters, as the search does (search.engine.scope_for)
    "search:suggest": {"q", "format", "type", "territoire", "etape", "edition", "espace"},
    "search:ask": {"q", "espace"},
    "forums:space": {"page"},
    "forums:topic": {"page", "citer"},
    "forums:topic_create": {"ressource", "titre"},
    "forums:notifications": {"page"},
    "accounts:directory": {"q", "territory", "job", "network", "page"},
    "accounts:profile": {"page"},  # its contributions' page
    "forums:mention_lookup": {"q"},
    "account_login": {"next"},
    "account_signup": {"next", "email"},
    "account_change_password": {"next"},
    "account_reset_password": {"next"},
    "search_report": {"jours"},
    "forums:space_members": {"page", "q"},
    "forums:member_add": {"personne"},
}


class RecordingQueryDict(QueryDict):
    """A QueryDict that notes the names it is asked for in `read`."""

    read: set

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


@contextmanager
def recording_get_parameters(monkeypatch):
    """Within it, every request's GET parameters are a RecordingQueryDict; yields the list of
    (request, names read) pairs, filled as requests are served."""
    served: list = []
    original = WSGIRequest.__dict__["GET"]

    def recorded(request):
        query = original.func(request)
        query.__class__ = RecordingQueryDict
        query.read = set()
        served.append((request, query.read))
        return query

    prop = property(recorded)
    monkeypatch.setattr(WSGIRequest, "GET", prop)
    try:
        yield served
    finally:
        monkeypatch.setattr(WSGIRequest, "GET", original)


LINK = re.compile(r'<a [^>]*href="([^"#]*)')


def internal_links(html: str) -> list[str]:
    """Site-relative link targets, in their order on the page."""
    links = []
    for href in LINK.findall(html):
        href = unescape(href)
        if href.startswith("/") and not href.startswith("//"):
            links.append(iri_to_uri(href))
    return links


def path_of(url: str) -> str:
    return urlsplit(url).path


FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
ATTRIBUTE = re.compile(r'([\w-]+)(?:="([^"]*)")?')
CONTROL = re.compile(r"<(input|textarea|select|button)\b([^>]*)>", re.S)
OPTION = re.compile(r'<option\b[^>]*value="([^"]*)"')


def attributes(text: str) -> dict:
    return {name: unescape(value or "") for name, value in ATTRIBUTE.findall(text)}


def post_forms(html: str) -> list[dict]:
    """The POST forms of a page: their action and their fields (name, kind, choices, value)."""
    forms = []
    for head, body in FORM.findall(html):
        form = attributes(head)
        if form.get("method", "get").lower() != "post":
            continue
        fields = []
        for tag, rest in CONTROL.findall(body):
            control = attributes(rest)
            if not control.get("name"):
                continue
            kind = control.get("type", "text") if tag == "input" else tag
            kind = "hidden" if kind in ("button", "submit") else kind  # a button's value
            choices = []
            if tag == "select":
                select_body = body[body.index(rest) :].split("</select>", 1)[0]
                choices = OPTION.findall(select_body)
            fields.append(
                {"name": control["name"], "kind": kind, "value": control.get("value", ""),
                 "choices": choices}
            )  # fmt: skip
        forms.append({"action": form.get("action", ""), "fields": fields})
    return forms


TEXT_KINDS = {"text", "email", "search", "url", "tel", "number", "textarea"}
SENT_AS_IS = {"password", "file", "reset", "image"}  # typed secrets are not fuzzed; uploads apart


def form_values(data, fields: list[dict]) -> dict:
    """Values for a form's fields, drawn with Hypothesis' `data()`: any text in text fields,
    a valid choice or anything in choice fields, the page's value or anything in hidden ones."""
    by_name: dict[str, list[dict]] = {}
    for field in fields:
        by_name.setdefault(field["name"], []).append(field)
    values = {}
    for name, same in by_name.items():
        kind = same[0]["kind"]
        if name == "csrfmiddlewaretoken" or kind in SENT_AS_IS:
            continue
        if kind in TEXT_KINDS:
            values[name] = data.draw(VALUE, label=name)
        elif kind in ("checkbox", "radio"):
            choices = [field["value"] or "on" for field in same]
            values[name] = data.draw(
                st.one_of(st.lists(st.sampled_from(choices), max_size=len(choices)), VALUE),
                label=name,
            )
        elif kind == "select":
            choices = same[0]["choices"] or [""]
            values[name] = data.draw(st.one_of(st.sampled_from(choices), VALUE), label=name)
        else:  # hidden fields and buttons: usually what the page holds
            held = same[0]["value"]
            values[name] = data.draw(st.one_of(st.just(held), st.just(held), VALUE), label=name)
    return values


def typed(values: dict, fields: list[dict]) -> dict:
    """The values a refused form must show again: what was typed in its text fields."""
    kinds = {field["name"]: field["kind"] for field in fields}
    return {
        name: value
        for name, value in values.items()
        if kinds.get(name) in TEXT_KINDS and isinstance(value, str) and value.strip()
    }
