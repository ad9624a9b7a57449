"""Cache invalidation for related content: it must follow saves we do not call (admin, loaddata)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import related
from articles.models import Article, RelatedPick, SeeAlso, Tag


def forget_related_choices(sender, **kwargs):
    related.invalidate()


def connect():
    for model in (Article, SeeAlso, RelatedPick, Tag):
        post_save.connect(forget_related_choices, sender=model, dispatch_uid=f"related-{model}")
        post_delete.connect(forget_related_choices, sender=model, dispatch_uid=f"related-d-{model}")
    m2m_changed.connect(
        forget_related_choices, sender=Article.tags.through, dispatch_uid="related-tags"
    )
