from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles import sanitize, text


class Section(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        blank=True, help_text="One or two sentences shown on the section page."
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are listed in this order in the menu and on the home page."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})

    def clean(self):
        text.clean_model_text(self)


class Tag(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})

    def clean(self):
        text.clean_model_text(self)


class Image(models.Model):
    """An uploaded picture, stored without metadata, with its responsive renditions."""

    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        max_length=250,
        help_text="Describe what the picture shows for readers who cannot see it. Required.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=120, blank=True, help_text="Photographer or agency.")
    # Derived from the file when it is stored: [{"width", "height", "format", "name"}, ...]
    renditions = models.JSONField(default=list, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.alt_text

    def clean(self):
        text.clean_model_text(self)

    def srcset(self, image_format: str) -> str:
        return ", ".join(
            f"{default_storage.url(r['name'])} {r['width']}w"
            for r in self.renditions
            if r["format"] == image_format
        )

    def rendition(self, image_format: str = "jpeg", width: int = 1280) -> dict | None:
        """The smallest rendition at least `width` wide, else the largest one."""
        choices = sorted(
            (r for r in self.renditions if r["format"] == image_format), key=lambda r: r["width"]
        )
        for candidate in choices:
            if candidate["width"] >= width:
                return candidate
        return choices[-1] if choices else None

    def rendition_url(self, image_format: str = "jpeg", width: int = 1280) -> str:
        chosen = self.rendition(image_format, width)
        return default_storage.url(chosen["name"]) if chosen else self.file.url


class Author(models.Model):
    """The public profile behind a byline; never shows a login name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text="The staff account that writes as this author, if any.",
    )
    display_name = models.CharField(max_length=120, help_text="As printed in the byline.")
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(
        max_length=120, blank=True, help_text="For example: Europe correspondent."
    )
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    def clean(self):
        text.clean_model_text(self)


class State(models.TextChoices):
    """Where an article stands for readers: derived from its status and publication time."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


def state_q(state: State | str, *, prefix: str = "", now: datetime | None = None) -> Q:
    """
    The articles in `state`, as a Q; `prefix` reaches them through a relation
    ("articles__"). This is the one definition of "published" (and of the other states):
    the querysets, the admin's filter and the sitemaps use it, and Article.state mirrors it.
    """
    now = now or timezone.now()
    status = f"{prefix}status"
    match state:
        case State.DRAFT:
            return Q(**{status: "draft"})
        case State.SCHEDULED:
            return Q(**{status: "published", f"{prefix}published_at__gt": now})
        case State.PUBLISHED:
            return Q(**{status: "published", f"{prefix}published_at__lte": now})
    raise ValueError(f"Unknown article state: {state!r}")


class ArticleQuerySet(models.QuerySet):
    def in_state(self, state: State | str):
        return self.filter(state_q(state))

    def published(self):
        """Visible to readers: published, and its publish time has come."""
        return self.in_state(State.PUBLISHED)

    def scheduled(self):
        """Published for a time still to come: they go live on their own."""
        return self.in_state(State.SCHEDULED)

    def for_listing(self):
        """What a card needs, in a fixed number of queries (never the body)."""
        return (
            self.select_related("section", "featured_image")
            .prefetch_related("authors")
            .defer("body")
        )


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search vector is for the database to match against, never for a page to read:
        # loading it would ship every row's vector with every listing.
        return super().get_queryset().defer("search_vector")


class SearchDocument(models.Func):
    """
    An article's search vector: title A; standfirst, tag and author names B; body C; English
    stemming (articles.search.SEARCH_CONFIG), as migration 0005 stores it on PostgreSQL.

    Tag and author names come from `search_extra`, a column that only PostgreSQL has: its
    triggers keep it current and Django never writes it. Elsewhere the vector is NULL: the
    development fallback in articles.search reads the text itself.
    """

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("title"), F("standfirst"), F("body"))

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        title, standfirst, body = (compiler.compile(arg)[0] for arg in self.source_expressions)
        weighted = [(title, "A"), (standfirst, "B"), ("search_extra", "B"), (body, "C")]
        sql = " || ".join(
            f"setweight(to_tsvector('english'::regconfig, coalesce({column}, '')), '{weight}')"
            for column, weight in weighted
        )
        return f"({sql})", []


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    State = State

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The article's address. Changing it keeps the old address working.",
    )
    standfirst = models.TextField(
        max_length=400,
        blank=True,
        help_text="The summary under the headline, in one or two sentences.",
    )
    body = models.TextField(
        help_text=(
            "Paragraphs, subheadings, lists, quotes and links. Scripts and styles are removed."
        )
    )
    authors = models.ManyToManyField(Author, related_name="articles")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    featured_image = models.ForeignKey(
        Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    source = models.CharField(
        max_length=200, blank=True, help_text="Attribution line, for example: With agencies."
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text=(
            "When readers can see it. A published article with a time in the future is "
            "scheduled: it appears on its own at that time. Empty means now."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    comments_open = models.BooleanField(default=True)
    # Derived from the comments, by the comments app (the articles app never imports it),
    # so cards and pages show it without counting.
    comment_count = models.PositiveIntegerField(
        "comments readers see",
        default=0,
        editable=False,
        help_text="Published comments under published parents. Kept up to date automatically.",
    )
    auto_see_also = models.BooleanField(
        'automatic "See also"',
        default=True,
        help_text=(
            'When no "See also" link is placed by hand, show one to the best related '
            "article. Untick to show none."
        ),
    )

    # Kept by the database (GIN-indexed on PostgreSQL, migration 0005); articles.search
    # matches against it.
    search_vector = models.GeneratedField(
        expression=SearchDocument(), output_field=SearchVectorField(), db_persist=True
    )

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            models.Index(fields=["section", "-published_at"], name="article_section_pub_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.set_derived_fields()
        if not self._state.adding and kwargs.get("update_fields") is None:
            # comment_count changes under the article while it is being edited: a save of
            # what was read earlier must not write an old count back.
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and field.name != "comment_count"
                and field.attname not in deferred
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        text.clean_model_text(self)
        self.set_derived_fields()

    def set_derived_fields(self):
        """Sanitise the body; publishing without a time means publishing now."""
        self.body = sanitize.clean_html(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def state(self) -> State:
        """The row's side of state_q(): draft, scheduled or published."""
        if self.status == self.Status.DRAFT:
            return State.DRAFT
        if self.published_at and self.published_at > timezone.now():
            return State.SCHEDULED
        return State.PUBLISHED

    @property
    def is_published(self) -> bool:
        return self.state == State.PUBLISHED

    @property
    def was_updated(self) -> bool:
        """Changed more than an hour after it went out: worth telling readers."""
        if not self.published_at or not self.updated_at:
            return False
        went_out = max(self.published_at, self.created_at or self.published_at)
        return self.updated_at - went_out > timedelta(hours=1)

    @cached_property
    def byline_authors(self):
        return list(self.authors.all())


class ArticleLink(models.Model):
    """
    An editor's link from an article to another one, in the editor's order: the base of
    "See also" links and "You may also like" picks. Subclasses declare the two foreign keys
    (their reverse names differ) and name their constraints from `link_constraints()`.
    """

    label = ""
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.label}: {self.target}"

    @staticmethod
    def link_constraints(*, once: str, not_self: str, not_self_message: str) -> list:
        """At most one link per target, and never to the article itself."""
        return [
            models.UniqueConstraint(fields=["article", "target"], name=once),
            models.CheckConstraint(
                condition=~Q(article=F("target")),
                name=not_self,
                violation_error_message=not_self_message,
            ),
        ]


class SeeAlso(ArticleLink):
    """An editor's inline "See also" link, placed after a paragraph of the body."""

    label = "See also"
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="see_also_links")
    target = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="see_also_backlinks", verbose_name="link to"
    )
    after_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Show the box after this paragraph (1 = the first). Empty: after the middle one.",
    )

    class Meta(ArticleLink.Meta):
        verbose_name = '"See also" link'
        verbose_name_plural = '"See also" links'
        constraints = ArticleLink.link_constraints(
            once="see_also_once_per_target",
            not_self="see_also_not_self",
            not_self_message="An article cannot link to itself.",
        )


class RelatedPick(ArticleLink):
    """An editor's pick for the "You may also like" block, shown first, in order."""

    label = "Pick"
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_picks")
    target = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="picked_by", verbose_name="article"
    )

    class Meta(ArticleLink.Meta):
        verbose_name = "editor's pick"
        verbose_name_plural = 'editor\'s picks for "You may also like"'
        constraints = ArticleLink.link_constraints(
            once="pick_once_per_target",
            not_self="pick_not_self",
            not_self_message="An article cannot be its own pick.",
        )


class SlugRedirect(models.Model):
    """An article's former slug, answered with a permanent redirect."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"
