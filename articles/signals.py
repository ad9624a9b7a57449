"""
Cache invalidation that must follow saves we do not call (the admin, loaddata, the comments
app's moderation): every change to what public pages show bumps a version in articles.cache.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import cache
from articles.models import Article, Author, Image, RelatedPick, Section, SeeAlso, Tag

CONTENT_MODELS = [Article, Section, Tag, Author, Image, SeeAlso, RelatedPick]
CONTENT_LINKS = [Article.tags.through, Article.authors.through]
# Named, not imported: the comment counts on cards follow the comments' rows, and articles
# does not depend on the comments app.
COMMENT_MODEL = "comments.Comment"


def content_changed(sender, **kwargs):
    cache.bump(cache.CONTENT)


def comments_changed(sender, **kwargs):
    cache.bump(cache.COMMENTS)


def connect():
    for model in CONTENT_MODELS:
        label = model._meta.label_lower
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-d-{label}")
    for through in CONTENT_LINKS:
        label = through._meta.label_lower
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"content-m-{label}")
    post_save.connect(comments_changed, sender=COMMENT_MODEL, dispatch_uid="comments")
    post_delete.connect(comments_changed, sender=COMMENT_MODEL, dispatch_uid="comments-d")
