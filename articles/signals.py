"""
Cache invalidation that must follow saves we do not call (the admin, loaddata): every change
to the content public pages show bumps a version in articles.cache. The comments app bumps
COMMENTS itself, after it has stored an article's new comment count (comments.signals).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import cache
from articles.models import Article, Author, Image, RelatedPick, Section, SeeAlso, Tag

CONTENT_MODELS = [Article, Section, Tag, Author, Image, SeeAlso, RelatedPick]
CONTENT_LINKS = [Article.tags.through, Article.authors.through]


def content_changed(sender, **kwargs):
    cache.bump(cache.CONTENT)


def connect():
    for model in CONTENT_MODELS:
        label = model._meta.label_lower
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-d-{label}")
    for through in CONTENT_LINKS:
        label = through._meta.label_lower
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"content-m-{label}")
