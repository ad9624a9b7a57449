"""
Search: ranked full-text search over published articles, with highlighted snippets (pure reads).

PostgreSQL full-text search is the product. It reads Article.search_vector, a stored,
GIN-indexed column that the database keeps current (migration 0005: title A; standfirst, tag
and author names B; body C; English stemming). Readers type what they would type into any
search box: websearch_to_tsquery accepts every string, quotes make a phrase, `-word`
excludes, `or` offers alternatives.

Ranking reads the vector of every row it ranks, so it is bounded: the newest CANDIDATES
matching articles (found through the GIN index when the words are rare, through the
publication-date index when they are common) are ranked by ts_rank, title matches first,
newer first among equals. More matches than that are reported as "more than CANDIDATES";
filtering by section or dates reaches older ones. With 100,000 articles this keeps a search
under 50 ms at the 99th percentile (bench/README.md, "Search").

Snippets are highlighted for the page's rows only (ts_headline); everything is escaped
except the <mark> tags we add.

Other databases (SQLite, for development) get a plain fallback, not a second engine: every
word somewhere in the title, standfirst or body, newest first, no highlighting.
"""

import html
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Concat, Left, Replace
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section

# Must match the configuration of the stored vector (articles.models.SearchDocument).
SEARCH_CONFIG = "english"
# How many of the newest matching articles are ranked (see the module docstring).
CANDIDATES = 300
# Longer input is cut: nobody types more, and every word costs the database a lookup.
MAX_QUERY_LENGTH = 200
# The development fallback ignores words past this many.
MAX_TERMS = 8
# Snippets are about this many words, in up to two fragments.
SNIPPET_WORDS = 36
# Snippets come from the first this many characters of the standfirst and body.
SNIPPET_SOURCE_LENGTH = 6000
# Private-use characters mark matches until the text is escaped, then become <mark> tags.
MARK_START, MARK_END = "\ue000", "\ue001"
MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)
MARKS = {"start_sel": MARK_START, "stop_sel": MARK_END}
# Dates outside these are not a reader's: refused rather than overflowing.
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


@dataclass(frozen=True)
class Criteria:
    """What a reader asked for: words, and optionally a section and a range of days."""

    text: str
    section: Section | None = None
    since: date | None = None
    until: date | None = None

    @property
    def filtered(self) -> bool:
        return bool(self.section or self.since or self.until)


@dataclass(frozen=True)
class Ranking:
    """Matching article ids, best first; `more` when there were more than CANDIDATES."""

    ids: list[int]
    more: bool = False
    # False for the development fallback, which the page says it is.
    full_text: bool = True


# The form ---------------------------------------------------------------------------------


class SearchTextField(forms.CharField):
    """Any text is a query: control characters become spaces, long input is cut."""

    def to_python(self, value):
        text = super().to_python(value)
        text = "".join(char if char.isprintable() else " " for char in text)
        return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def day_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
    )


class SearchForm(forms.Form):
    q = SearchTextField(
        label=_("Search for"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )
    section = forms.ChoiceField(label=_("Section"), required=False)
    since = day_field(_("From"))
    until = day_field(_("To"))

    def __init__(self, *args, sections: list[Section], **kwargs):
        kwargs.setdefault("auto_id", "search-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.slug, section.name) for section in sections
        ]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            cleaned["since"], cleaned["until"] = until, since
        return cleaned

    def criteria(self) -> Criteria | None:
        """The search to run, leaving out any filter that did not validate; None without words."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        text = cleaned.get("q", "")
        if not text:
            return None
        return Criteria(
            text=text,
            section=self.sections.get(cleaned.get("section") or ""),
            since=cleaned.get("since"),
            until=cleaned.get("until"),
        )


# Ranking ----------------------------------------------------------------------------------


def uses_full_text() -> bool:
    return connections[Article.objects.db].vendor == "postgresql"


def rank(criteria: Criteria) -> Ranking:
    """The ids of the matching published articles, best first (one query)."""
    if uses_full_text():
        return full_text_ranking(criteria)
    return development_ranking(criteria)


def in_scope(criteria: Criteria):
    """Published articles within the section and days asked for."""
    articles = Article.objects.published()
    if criteria.section:
        articles = articles.filter(section=criteria.section)
    if criteria.since:
        articles = articles.filter(published_at__gte=start_of_day(criteria.since))
    if criteria.until:
        articles = articles.filter(published_at__lt=start_of_day(criteria.until + timedelta(1)))
    return articles


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def web_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def full_text_ranking(criteria: Criteria) -> Ranking:
    query = web_query(criteria.text)
    matching = in_scope(criteria).filter(search_vector=query)
    return best_first(matching, SearchRank(F("search_vector"), query))


def best_first(matching, score: Expression) -> Ranking:
    """Rank the newest CANDIDATES (+1, to know there are more) of `matching` by `score`."""
    newest = matching.order_by("-published_at", "-pk").values("pk")[: CANDIDATES + 1]
    rows = list(
        Article.objects.filter(pk__in=newest)
        .annotate(score=score)
        .order_by("-score", "-published_at", "-pk")
        .values_list("pk", "published_at")
    )
    more = len(rows) > CANDIDATES
    if more:
        # The extra row is the oldest candidate, wherever it ranked.
        rows.remove(min(rows, key=lambda row: (row[1], row[0])))
    return Ranking(ids=[pk for pk, _ in rows], more=more)


def development_ranking(criteria: Criteria) -> Ranking:
    """
    Not the product: a development fallback for databases without full-text search. Every
    word must appear, as typed, in the title, standfirst or body; newest first. No stemming,
    no relevance, no search syntax, no tag or author names.
    """
    matching = in_scope(criteria)
    for word in re.findall(r"\w+", criteria.text)[:MAX_TERMS]:
        text = Q(title__icontains=word) | Q(standfirst__icontains=word) | Q(body__icontains=word)
        matching = matching.filter(text)
    newest = matching.order_by("-published_at", "-pk").values_list("pk", flat=True)
    ids = list(newest[: CANDIDATES + 1])
    return Ranking(ids=ids[:CANDIDATES], more=len(ids) > CANDIDATES, full_text=False)


# The page's articles, highlighted ---------------------------------------------------------


def page_articles(ids: list[int], criteria: Criteria) -> list[Article]:
    """
    The articles of one page of results, in ranking order, each with `marked_title` and
    `snippet` (safe HTML with <mark> around the matches; the plain title and standfirst
    in the development fallback). Two queries with the authors.
    """
    if not ids:
        return []
    articles = Article.objects.filter(pk__in=ids).for_listing()
    if not uses_full_text():
        found = articles.in_bulk()
        for article in found.values():
            article.marked_title, article.snippet = article.title, article.standfirst
        return [found[pk] for pk in ids if pk in found]
    query = web_query(criteria.text)
    found = articles.annotate(
        title_headline=SearchHeadline(
            "title", query, config=SEARCH_CONFIG, highlight_all=True, **MARKS
        ),
        snippet_headline=SearchHeadline(
            snippet_source(),
            query,
            config=SEARCH_CONFIG,
            max_words=SNIPPET_WORDS // 2,
            min_words=SNIPPET_WORDS // 4,
            max_fragments=2,
            fragment_delimiter=" … ",
            **MARKS,
        ),
    ).in_bulk()
    for article in found.values():
        article.marked_title = marked(article.title_headline)
        # The source was HTML text (entities, no tags): decode it before escaping it.
        article.snippet = marked(html.unescape(article.snippet_headline))
    return [found[pk] for pk in ids if pk in found]


def snippet_source() -> Concat:
    """Standfirst and body as one HTML text without tags, for ts_headline to cut from."""
    standfirst = F("standfirst")
    for character, entity in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")]:
        standfirst = Replace(standfirst, Value(character), Value(entity), output_field=TextField())
    body = Func(
        F("body"),
        Value("<[^>]*>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    # ts_headline parses all it is given: a long read would cost milliseconds per row.
    return Left(
        Concat(standfirst, Value(" "), body, output_field=TextField()), SNIPPET_SOURCE_LENGTH
    )


def marked(text: str) -> SafeString:
    """Escape everything, then turn the match markers into <mark> tags."""
    escaped = MARKED.sub(r"<mark>\1</mark>", escape(text))
    return mark_safe(escaped.replace(MARK_START, "").replace(MARK_END, ""))
