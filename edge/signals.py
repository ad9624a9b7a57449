"""
Purges that must follow saves we do not call: the admin, loaddata, services in other apps.

Each receiver names the surrogate keys of the pages that show what changed (edge.keys) and
asks for a purge after the commit (edge.services).
"""

from functools import wraps

from cookie_consent.models import Cookie, CookieGroup
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from articles.models import Article, Author, Image, RelatedPick, Section, SeeAlso, State, Tag
from comments.models import Comment, ModerationEvent
from consent.models import BannerText, Snippet
from edge import keys
from edge.services import purge_after_commit

# Past this many articles a rename purges every page rather than send thousands of keys.
MAX_ARTICLE_KEYS = 1000


def article_keys(article: Article) -> list[str]:
    """The pages an article appears on: its own, its section's, tags', authors', listings."""
    return [
        keys.key(article),
        keys.key(article.section),
        *(f"tag-{pk}" for pk in article.tags.values_list("pk", flat=True)),
        *(f"author-{pk}" for pk in article.authors.values_list("pk", flat=True)),
        *keys.LISTINGS,
    ]


def keys_of_articles(articles) -> list[str]:
    """Article keys of these (published) articles, or the whole site when there are many."""
    ids = list(articles.published().values_list("pk", flat=True)[: MAX_ARTICLE_KEYS + 1])
    if len(ids) > MAX_ARTICLE_KEYS:
        return [keys.SITE]
    return [*(f"article-{pk}" for pk in ids), *keys.LISTINGS]


def was_visible(state: dict | None) -> bool:
    return bool(
        state
        and state["status"] == Article.Status.PUBLISHED
        and state["published_at"] <= timezone.now()
    )


def when_purging(receiver):
    """Skip the receiver, and the queries it makes, when no HTTP cache is configured."""

    @wraps(receiver)
    def wrapper(*args, **kwargs):
        if settings.NEWSROOM_PURGE_URL:
            receiver(*args, **kwargs)

    return wrapper


# Articles --------------------------------------------------------------------------------


@when_purging
def remember_article(sender, instance, raw=False, **kwargs):
    """What readers could see of the article before this save (its section may change)."""
    if instance.pk is None:
        instance._edge_before = None
        return
    instance._edge_before = (
        Article.objects.filter(pk=instance.pk)
        .values("status", "published_at", "section_id")
        .first()
    )


@when_purging
def article_saved(sender, instance, **kwargs):
    before = getattr(instance, "_edge_before", None)
    if was_visible(before) or instance.is_published:
        extra = [f"section-{before['section_id']}"] if before else []
        purge_after_commit([*article_keys(instance), *extra])
    if instance.state == State.SCHEDULED:
        # Goes live on its own: the worker purges its pages then.
        purge_after_commit(article_keys(instance), at=instance.published_at)


@when_purging
def article_deleted(sender, instance, **kwargs):
    # Before the deletion, while its tags and authors are still linked.
    if instance.is_published:
        purge_after_commit(article_keys(instance))


@when_purging
def article_links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Tags or authors added to or removed from an article (from either side)."""
    if action == "pre_clear":
        changed = article_keys(instance) if not reverse else keys_of_articles(instance.articles)
    elif action in ("post_add", "post_remove"):
        changed = [f"{model._meta.model_name}-{pk}" for pk in pk_set]
        changed += [keys.key(instance), *keys.LISTINGS]
    else:
        return
    if reverse or instance.is_published:
        purge_after_commit(changed)


@when_purging
def article_box_changed(sender, instance, **kwargs):
    """A "See also" link or a hand-picked related article: on one article's page."""
    purge_after_commit([f"article-{instance.article_id}"])


# What articles show ------------------------------------------------------------------------


@when_purging
def section_changed(sender, instance, **kwargs):
    # The section menu is on every page.
    purge_after_commit([keys.SITE])


@when_purging
def listing_owner_changed(sender, instance, **kwargs):
    """A tag or an author: its page, and the pages of its articles (they show its name)."""
    purge_after_commit([keys.key(instance), *keys_of_articles(instance.articles)])


@when_purging
def image_changed(sender, instance, **kwargs):
    articles = keys_of_articles(Article.objects.filter(featured_image=instance))
    authors = [
        f"author-{pk}" for pk in Author.objects.filter(photo=instance).values_list("pk", flat=True)
    ]
    purge_after_commit([*articles, *authors])


# Comments ----------------------------------------------------------------------------------


def comment_pages(article_id: int) -> list[str]:
    """The article's page, and every page whose card of it shows its comment count."""
    article = Article.objects.filter(pk=article_id).select_related("section").first()
    return article_keys(article) if article else [f"article-{article_id}"]


@when_purging
def comment_saved(sender, instance, **kwargs):
    # Status changes made by the comment services also leave a history row (below).
    if instance.is_published:
        purge_after_commit(comment_pages(instance.article_id))


@when_purging
def comment_deleted(sender, instance, **kwargs):
    if instance.is_published:
        purge_after_commit(comment_pages(instance.article_id))


@when_purging
def moderation_recorded(sender, instance, created, raw=False, **kwargs):
    """A comment published, unpublished or erased: the article's page shows its comments."""
    published = Comment.Status.APPROVED
    if created and published in (instance.from_status, instance.to_status):
        purge_after_commit(comment_pages(instance.comment.article_id))


# Consent and flat pages --------------------------------------------------------------------


@when_purging
def consent_policy_changed(sender, instance, **kwargs):
    # The banner (shown until a visitor chooses under the current versions) and the snippets
    # are on every page.
    purge_after_commit([keys.SITE])


@when_purging
def flatpage_changed(sender, instance, **kwargs):
    purge_after_commit([keys.FLATPAGES])


def connect():
    def on_change(receiver, model, *, delete_signal=post_delete):
        name = f"edge-{receiver.__name__}-{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=name)
        delete_signal.connect(receiver, sender=model, dispatch_uid=f"{name}-delete")

    pre_save.connect(remember_article, sender=Article, dispatch_uid="edge-article-before")
    post_save.connect(article_saved, sender=Article, dispatch_uid="edge-article-saved")
    pre_delete.connect(article_deleted, sender=Article, dispatch_uid="edge-article-deleted")
    for through in (Article.tags.through, Article.authors.through):
        m2m_changed.connect(
            article_links_changed, sender=through, dispatch_uid=f"edge-links-{through}"
        )
    for model in (SeeAlso, RelatedPick):
        on_change(article_box_changed, model)
    on_change(section_changed, Section)
    for model in (Tag, Author):
        on_change(listing_owner_changed, model, delete_signal=pre_delete)
    on_change(image_changed, Image, delete_signal=pre_delete)
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="edge-comment-saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="edge-comment-deleted")
    post_save.connect(moderation_recorded, sender=ModerationEvent, dispatch_uid="edge-moderation")
    # The banner's groups and wording, and the snippets pages carry once a group is accepted.
    for model in (CookieGroup, Cookie, BannerText, Snippet):
        on_change(consent_policy_changed, model)
    on_change(flatpage_changed, FlatPage)
