"""
Search: ranked full-text search over published articles, with highlighted snippets (pure reads).

PostgreSQL reads the stored, GIN-indexed `search_vector` column (migration 0005: title A;
standfirst, tag and author names B; body C; English stemming), which the database keeps
current. Readers type what they would type into any search box: websearch_to_tsquery accepts
every string, quotes make a phrase, `-word` excludes, `or` offers alternatives.

Ranking reads the vector of every row it ranks, so it is bounded: the newest CANDIDATES
matching articles (found through the GIN index when the words are rare, through the
publication-date index when they are common) are ranked by ts_rank, title matches first,
newer first among equals. More matches than that are reported as "more than CANDIDATES";
filtering by section or dates reaches older ones. With 100,000 articles this keeps a search
under 50 ms at the 99th percentile (bench/README.md, "Search").

SQLite has no stored vector: it matches each word with LIKE over title, standfirst, body,
tag and author names, and ranks title matches first. Same page, same number of queries.

Snippets are highlighted for the page's rows only (ts_headline on PostgreSQL, a small
Python highlighter elsewhere); everything is escaped except the <mark> tags we add.
"""

import html
import operator
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce

from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections
from django.db.models import Case, Exists, F, Func, OuterRef, Q, TextField, Value, When
from django.db.models.expressions import Col, Expression
from django.db.models.functions import Concat, Left, Replace
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section

# Must match the configuration the migration used for the stored vector.
SEARCH_CONFIG = "english"
# How many of the newest matching articles are ranked (see the module docstring).
CANDIDATES = 300
# Longer input is cut: nobody types more, and every word costs the database a lookup.
MAX_QUERY_LENGTH = 200
# The SQLite fallback ignores words past this many.
MAX_TERMS = 8
# Snippets are about this many words, in up to two fragments on PostgreSQL.
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


def uses_stored_vector() -> bool:
    return connections[Article.objects.db].vendor == "postgresql"


def rank(criteria: Criteria) -> Ranking:
    """The ids of the matching published articles, best first (one query)."""
    if uses_stored_vector():
        return postgres_ranking(criteria)
    return like_ranking(criteria)


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


# PostgreSQL

VECTOR_FIELD = SearchVectorField()
VECTOR_FIELD.set_attributes_from_name("search_vector")


class StoredVector(Expression):
    """The article table's search_vector column, which exists on PostgreSQL only."""

    output_field = VECTOR_FIELD

    def resolve_expression(self, query=None, *args, **kwargs):
        # A column of the query's base table, relabelled like any other in subqueries.
        return Col(query.get_initial_alias(), VECTOR_FIELD)


def web_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def postgres_ranking(criteria: Criteria) -> Ranking:
    query = web_query(criteria.text)
    matching = in_scope(criteria).alias(vector=StoredVector()).filter(vector=query)
    return best_first(matching, SearchRank(StoredVector(), query))


# SQLite (and any database without the stored vector)

TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
WORD = re.compile(r"\w(?:[\w'’.-]*\w)?")


def parse_terms(text: str) -> tuple[list[list[str]], list[str]]:
    """
    Websearch syntax, simply: [[alternatives], ...] all required, and excluded terms.

    `"a b"` is one term, `-a` excludes, `a or b` are alternatives; punctuation is dropped.
    """
    groups: list[list[str]] = []
    excluded: list[str] = []
    alternative = False
    for match in TOKEN.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        words = WORD.findall(match.group(2) if match.group(2) is not None else match.group(4))
        if match.group(4) and match.group(4).lower() == "or" and not negated:
            alternative = bool(groups)
            continue
        if not words:
            continue
        term = " ".join(words)
        if negated:
            excluded.append(term)
        elif alternative:
            groups[-1].append(term)
        else:
            groups.append([term])
        alternative = False
    return groups[:MAX_TERMS], excluded[:MAX_TERMS]


def named(term: str) -> tuple[Exists, Exists]:
    """Whether a tag or an author of the article has `term` in its name."""
    tags = Article.tags.through.objects.filter(article=OuterRef("pk"), tag__name__icontains=term)
    authors = Article.authors.through.objects.filter(
        article=OuterRef("pk"), author__display_name__icontains=term
    )
    return Exists(tags), Exists(authors)


def like_match(term: str) -> Q:
    tag, author = named(term)
    return (
        Q(title__icontains=term)
        | Q(standfirst__icontains=term)
        | Q(body__icontains=term)
        | Q(tag)
        | Q(author)
    )


def like_score(term: str) -> Case:
    tag, author = named(term)
    return Case(
        When(title__icontains=term, then=Value(4)),
        When(Q(standfirst__icontains=term) | Q(tag) | Q(author), then=Value(2)),
        When(body__icontains=term, then=Value(1)),
        default=Value(0),
    )


def like_ranking(criteria: Criteria) -> Ranking:
    groups, excluded = parse_terms(criteria.text)
    if not groups:
        return Ranking(ids=[])
    matching = in_scope(criteria)
    for alternatives in groups:
        matching = matching.filter(reduce(operator.or_, map(like_match, alternatives)))
    for term in excluded:
        matching = matching.exclude(like_match(term))
    score = reduce(operator.add, (like_score(term) for group in groups for term in group))
    return best_first(matching, score)


# The page's articles, highlighted ---------------------------------------------------------


def page_articles(ids: list[int], criteria: Criteria) -> list[Article]:
    """
    The articles of one page of results, in ranking order, each with `marked_title` and
    `snippet` (safe HTML with <mark> around the matches). Two queries with the authors.
    """
    if not ids:
        return []
    articles = Article.objects.filter(pk__in=ids).for_listing()
    if uses_stored_vector():
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
    else:
        found = articles.defer(None).in_bulk()  # the snippet is cut from the body here
        pattern = term_pattern(criteria.text)
        for article in found.values():
            article.marked_title = highlight(article.title, pattern)
            # A space for every tag, or paragraphs would run into each other.
            body = html.unescape(strip_tags(article.body.replace("<", " <")))
            article.snippet = highlight(excerpt(f"{article.standfirst} {body}", pattern), pattern)
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


def term_pattern(text: str) -> re.Pattern | None:
    groups, _ = parse_terms(text)
    terms = sorted({term for group in groups for term in group}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)


def highlight(text: str, pattern: re.Pattern | None) -> SafeString:
    if pattern is None:
        return escape(text)
    return marked(pattern.sub(lambda m: f"{MARK_START}{m.group()}{MARK_END}", text))


def excerpt(text: str, pattern: re.Pattern | None, words: int = SNIPPET_WORDS) -> str:
    """About `words` words of `text` around its first match (its start when none)."""
    text = " ".join(text.split())
    found = pattern.search(text) if pattern else None
    before = text[: found.start()].split() if found else []
    start = max(len(before) - words // 3, 0)
    chosen = text.split()[start : start + words]
    cut = " ".join(chosen)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(text.split()) else ""
    return f"{prefix}{cut}{suffix}"
