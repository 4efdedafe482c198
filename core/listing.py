"""The lists of resources (sheets, videos, tools): filtered by what the address asks, a page at a
time. The filters' names are the search's (`etape`, `territoire`, `edition`), so one address
reads the same in both; their choices are what the list holds, so that no choice leads to an
empty list, read in one query for all of them."""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Cast
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from .models import among


@dataclass(frozen=True)
class ListFilter:
    """One filter of a list: `name` in the address, `field` of the pages it filters on (a key
    or a many-to-many), the chosen thing's `title` and what orders the choices; `live` when the
    chosen things are pages (a step, an edition), which must be live to be offered."""

    name: str
    label: str
    any_label: str
    field: str
    title: str
    order: str
    live: bool = False


class ListFilterForm(forms.Form):
    """The filters of `pages`, bound to the address's parameters. A choice that is not offered
    (unknown, unpublished, not a number) is said in French and that filter is left out."""

    def __init__(self, data, *, pages: QuerySet, filters: tuple[ListFilter, ...]):
        super().__init__(data)
        self.pages = pages
        self.filters = filters
        for each in filters:
            self.fields[each.name] = forms.TypedChoiceField(
                label=each.label,
                choices=lambda each=each: [("", each.any_label), *self.offered[each.name]],
                coerce=int,
                required=False,
                empty_value=None,
            )

    @cached_property
    def offered(self) -> dict[str, list[tuple[str, str]]]:
        """{filter name: [(key, title)]} of what the pages hold, in one query: the things
        (steps, editions, territories) that one of the pages points to, read from the things'
        side. From the pages' side, a step was read once for each page and step (10 000 rows
        for the videos' steps at full size, 40 ms)."""
        parts = []
        for each in self.filters:
            things = self.pages.model._meta.get_field(each.field).related_model._default_manager
            things = things.filter(pk__in=self.pages.values(each.field))
            if each.live:
                things = things.filter(live=True)
            parts.append(
                things.order_by()
                .annotate(
                    filter_name=Value(each.name, output_field=CharField()),
                    filter_order=Cast(_own(each, each.order), CharField()),
                )
                .values_list("filter_name", "pk", _own(each, each.title), "filter_order")
            )
        offered = {each.name: [] for each in self.filters}
        if not parts:
            return offered
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for name, key, title, _order in sorted(rows, key=lambda row: (row[0], row[3], row[2])):
            offered[name].append((str(key), title))
        return offered

    @cached_property
    def chosen(self) -> dict[str, int]:
        """{field: key} of the filters validly chosen (an invalid one is not in cleaned_data)."""
        self.is_valid()  # the address's parameters are always bound, even when there are none
        return {
            each.field: self.cleaned_data[each.name]
            for each in self.filters
            if self.cleaned_data.get(each.name) is not None
        }

    def offered_fields(self) -> list:
        """The fields that offer something to choose (what the template shows)."""
        return [self[each.name] for each in self.filters if self.offered[each.name]]

    def filter(self) -> QuerySet:
        return self.pages.filter(**self.chosen)


class KeysPaginator(Paginator):
    """Pages of a queryset whose page is read by its keys first: the keys of the page, sorted
    and sliced, in a subquery that joins nothing else, then the rows of those keys with every
    relation the queryset selects. Sorted with its relations joined, every row of the list was
    joined before the first few were kept (the videos by title at full size: 14 ms, then 4)."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        keys = rows.values("pk")[bottom:top]
        return self._get_page(rows.filter(among(keys, rows.model)), number, self)


def _own(each: ListFilter, name: str) -> str:
    """A field of the pages' `each.field` ("steps__title") as the thing's own ("title")."""
    return name.removeprefix(f"{each.field}__")


# The filters every list of resources may offer (BaseResourcePage.steps, a sheet's territory).
STEP = ListFilter(
    "etape",
    _("Étape du chemin"),
    _("Toutes les étapes"),
    "steps",
    "steps__title",
    "steps__path",
    live=True,
)
TERRITORY = ListFilter(
    "territoire",
    _("Territoire"),
    _("Tous les territoires"),
    "territory",
    "territory__name",
    "territory__name",
)


def filtered_list(request, pages: QuerySet, filters: tuple[ListFilter, ...], per_page: int):
    """The context of a list page: `filters` (the form), `items` (the page of the filtered list
    that the address asks) and `listing_key` (what its cached fragment varies on: the values as
    typed, since an invalid one is named in its error; the cache tag hashes them). Lazy: nothing
    is asked until the fragment is rendered."""
    form = ListFilterForm(request.GET, pages=pages, filters=filters)
    wanted = [request.GET.get(each.name, "") for each in filters]
    return {
        "filters": form,
        "items": SimpleLazyObject(
            lambda: KeysPaginator(form.filter(), per_page).get_page(request.GET.get("page"))
        ),
        "listing_key": "|".join([request.GET.get("page", ""), *wanted]),
    }
