"""
"See also" and "You may also like": choosing related articles (pure reads).

Ranking, for the automatic part of both:

* Candidates share at least one tag with the article. Each shared tag adds its inverse
  document frequency, ln(articles / articles with the tag), so a rare
  tag weighs more than a common one.
* A candidate in the same section gains SECTION_BONUS.
* Newer is preferred: the sum is multiplied by 0.5 ** (age in days / HALF_LIFE_DAYS).
* When too few candidates share tags, the block fills with the section's latest articles,
  then the site's latest.

The result (ids and reasons) is cached per article like every other read (articles.cache);
the cards are re-read with Article.objects.published() whenever the page's fragments are
rendered, so a withdrawn article never shows.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import cached_property

from articles import cache
from articles.models import Article

SECTION_BONUS = 1.0
HALF_LIFE_DAYS = 60
# How many tag-sharing candidates are re-ranked in Python.
CANDIDATE_POOL = 60
# Each shared tag brings at most its newest PER_TAG_LIMIT articles into the pool.
PER_TAG_LIMIT = 1000


def related_count() -> int:
    return settings.NEWSROOM_RELATED_COUNT


@dataclass
class Choice:
    """One related article and why it was chosen."""

    article_id: int
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0


@dataclass
class Selection:
    """What the article page shows, as ids: resolved to published articles at render time."""

    see_also: list[tuple[int, int | None]]  # (target id, after paragraph or None = middle)
    related: list[Choice]


# The page's parts ------------------------------------------------------------------------


def selection_for(article: Article) -> Selection:
    """The cached selection for an article, computed on a miss."""
    return cache.get_or_compute(f"related:{article.pk}", lambda: compute_selection(article))


def forget_selection(article: Article) -> None:
    cache.forget(f"related:{article.pk}")


class ArticleExtras:
    """
    The body split around its "See also" boxes, and the "You may also like" cards, read
    only when a template asks for them: with their fragments cached, nothing is queried.
    """

    def __init__(self, article: Article):
        self.article = article

    @cached_property
    def selection(self) -> Selection:
        return selection_for(self.article)

    @cached_property
    def shown_ids(self) -> set[int]:
        """The articles of the See also boxes and of "You may also like"."""
        selection = self.selection
        ids = {target for target, _ in selection.see_also}
        return ids | {choice.article_id for choice in selection.related}

    @cached_property
    def cards(self) -> dict[int, Article]:
        ids = self.shown_ids
        if not ids:
            return {}
        return Article.objects.published().filter(pk__in=ids).for_listing().in_bulk()

    @property
    def body_parts(self) -> list["BodyPart"]:
        # A target withdrawn since the choice was cached simply disappears.
        cards = self.cards
        boxes = [
            (cards[target], after) for target, after in self.selection.see_also if target in cards
        ]
        return place_boxes(self.article.body, boxes)

    @property
    def related_articles(self) -> list[Article]:
        cards = self.cards
        return [cards[c.article_id] for c in self.selection.related if c.article_id in cards]


# Ranking --------------------------------------------------------------------------------


def compute_selection(article: Article) -> Selection:
    limit = related_count()
    picks = list(
        article.related_picks.filter(target__in=Article.objects.published()).values_list(
            "target_id", flat=True
        )
    )
    links = [
        (target_id, after)
        for target_id, after in article.see_also_links.filter(
            target__in=Article.objects.published()
        ).values_list("target_id", "after_paragraph")
    ]
    ranked = rank_by_tags(article, exclude={article.pk, *picks})

    if not links and article.auto_see_also and ranked:
        best = ranked.pop(0)
        links = [(best.article_id, None)]

    taken = {article.pk, *picks, *(target for target, _ in links)}
    related = [Choice(pk, ["editor's pick"]) for pk in picks]
    related += [choice for choice in ranked if choice.article_id not in taken]
    related = related[:limit]
    taken |= {choice.article_id for choice in related}
    related += fill_with_latest(article, exclude=taken, count=limit - len(related))
    return Selection(see_also=links, related=related)


def rank_by_tags(article: Article, *, exclude: set[int]) -> list[Choice]:
    """Published articles sharing tags with this one, best first."""
    tags = {tag.pk: tag.name for tag in article.tags.all()}
    if not tags:
        return []
    through = Article.tags.through
    weights = tag_weights(list(tags))
    pool = tag_sharing_pool(weights, exclude=exclude)
    scores = dict(pool)
    if not scores:
        return []
    candidates = (
        Article.objects.published()
        .filter(pk__in=scores)
        .values_list("pk", "section_id", "published_at")
    )
    shared: dict[int, list[str]] = {}
    for article_id, tag_id in through.objects.filter(
        article_id__in=scores, tag_id__in=tags
    ).values_list("article_id", "tag_id"):
        shared.setdefault(article_id, []).append(tags[tag_id])

    now = timezone.now()
    choices = []
    for pk, section_id, published_at in candidates:
        same_section = section_id == article.section_id
        score = (scores[pk] + (SECTION_BONUS if same_section else 0.0)) * recency(published_at, now)
        reasons = ["shared tags: " + ", ".join(sorted(shared.get(pk, [])))]
        if same_section:
            reasons.append("same section")
        choices.append(Choice(pk, reasons, score))
    choices.sort(key=lambda choice: (-choice.score, -choice.article_id))
    return choices


def tag_sharing_pool(weights: dict[int, float], *, exclude: set[int]) -> list[tuple[int, float]]:
    """
    (article id, summed tag weight) of the best CANDIDATE_POOL articles sharing a tag.

    Each tag contributes at most its PER_TAG_LIMIT newest articles (an index-only scan
    of (tag, article) backwards), so a tag on half the archive costs no more than a rare
    one; older articles would lose to newer ones on recency anyway. Each part is wrapped
    in its own SELECT so its LIMIT holds on SQLite as on PostgreSQL.
    """
    through = Article.tags.through._meta.db_table
    quote = connection.ops.quote_name
    part = (
        f"SELECT * FROM (SELECT {quote('article_id')}, {quote('tag_id')} FROM {quote(through)} "
        f"WHERE {quote('tag_id')} = %s ORDER BY {quote('article_id')} DESC LIMIT %s) AS part_{{}}"
    )
    parts = " UNION ALL ".join(part.format(index) for index in range(len(weights)))
    score = " ".join("WHEN %s THEN %s" for _ in weights)
    excluded = ", ".join("%s" for _ in exclude) or "NULL"
    sql = (
        f"SELECT {quote('article_id')}, SUM(CASE {quote('tag_id')} {score} ELSE 0 END) AS score "
        f"FROM ({parts}) AS shared WHERE {quote('article_id')} NOT IN ({excluded}) "
        f"GROUP BY {quote('article_id')} ORDER BY score DESC, {quote('article_id')} DESC LIMIT %s"
    )
    params = [
        *(value for tag_id, weight in weights.items() for value in (tag_id, weight)),
        *(value for tag_id in weights for value in (tag_id, PER_TAG_LIMIT)),
        *exclude,
        CANDIDATE_POOL,
    ]
    # The CASE parameters come first in the SQL text, then the parts, then the exclusions.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(article_id, float(total)) for article_id, total in cursor.fetchall()]


def tag_weights(tag_ids: list[int]) -> dict[int, float]:
    """Inverse document frequency of each tag; counts change slowly, so they are cached."""
    through = Article.tags.through
    fresh = cache.freshness()
    total = cache.get_or_compute("related:total", lambda: Article.objects.count() or 1, fresh=fresh)

    def count_articles():
        counted = dict(
            through.objects.filter(tag_id__in=tag_ids)
            .values_list("tag_id")
            .annotate(n=Count("article_id"))
            .values_list("tag_id", "n")
        )
        return {tag_id: counted.get(tag_id, 1) for tag_id in tag_ids}

    key = "related:df:" + ",".join(map(str, sorted(tag_ids)))
    frequency = cache.get_or_compute(key, count_articles, fresh=fresh)
    # The small constant keeps a tag on every article from weighing nothing.
    return {tag_id: math.log(max(total / frequency[tag_id], 1.0)) + 0.1 for tag_id in tag_ids}


def recency(published_at: datetime, now: datetime) -> float:
    age_days = max((now - published_at).total_seconds() / 86400, 0.0)
    return 0.5 ** (age_days / HALF_LIFE_DAYS)


def fill_with_latest(article: Article, *, exclude: set[int], count: int) -> list[Choice]:
    """The section's latest articles, then the site's, when too few are related."""
    # Both lists are always read (two small indexed queries), so the number of queries
    # does not depend on how many candidates shared tags.
    limit = related_count()
    published = Article.objects.published().exclude(pk__in=exclude).order_by("-published_at")
    in_section = published.filter(section_id=article.section_id).values_list("pk", flat=True)
    anywhere = published.values_list("pk", flat=True)
    chosen: list[Choice] = []
    sources = [(in_section[:limit], "latest in the section"), (anywhere[:limit], "latest")]
    for ids, reason in sources:
        for pk in ids:
            if len(chosen) < count and all(c.article_id != pk for c in chosen):
                chosen.append(Choice(pk, [reason]))
    return chosen


# Placement of "See also" boxes in the body ----------------------------------------------

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
VOID = {"br", "img", "hr", "wbr", "source", "input", "col", "area", "embed", "meta", "link"}


def paragraph_ends(body: str) -> list[int]:
    """Offsets just after each top-level </p>: the places a box may go."""
    depth = 0
    ends = []
    for match in TAG.finditer(body):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID or self_closing:
            continue
        if closing:
            depth = max(depth - 1, 0)
            if depth == 0 and name == "p":
                ends.append(match.end())
        else:
            depth += 1
    return ends


@dataclass
class BodyPart:
    html: str
    boxes: list = field(default_factory=list)


def place_boxes(body: str, boxes: list[tuple[object, int | None]]) -> list[BodyPart]:
    """
    Split the body into parts, each followed by the "See also" boxes placed after it.

    A box asks for a paragraph (1-based) or None for the middle one; a number past the end
    means the last paragraph. A body without paragraphs gets its boxes at the end.
    """
    ends = paragraph_ends(body)
    if not boxes:
        return [BodyPart(body)]
    if not ends:
        return [BodyPart(body, [box for box, _ in boxes])]
    middle = (len(ends) + 1) // 2
    by_paragraph: dict[int, list] = {}
    for box, after in boxes:
        index = min(max(after or middle, 1), len(ends))
        by_paragraph.setdefault(index, []).append(box)
    parts, start = [], 0
    for index in sorted(by_paragraph):
        end = ends[index - 1]
        parts.append(BodyPart(body[start:end], by_paragraph[index]))
        start = end
    if start < len(body):
        parts.append(BodyPart(body[start:]))
    return parts
