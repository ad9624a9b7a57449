"""Cache invalidation (related choices, the section list): it must follow saves we do not call."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import related, sections
from articles.models import Article, RelatedPick, Section, SeeAlso, Tag


def forget_related_choices(sender, **kwargs):
    related.invalidate()


def forget_sections(sender, **kwargs):
    sections.invalidate()


def connect():
    for model in (Article, SeeAlso, RelatedPick, Tag):
        post_save.connect(forget_related_choices, sender=model, dispatch_uid=f"related-{model}")
        post_delete.connect(forget_related_choices, sender=model, dispatch_uid=f"related-d-{model}")
    post_save.connect(forget_sections, sender=Section, dispatch_uid="sections")
    post_delete.connect(forget_sections, sender=Section, dispatch_uid="sections-d")
    m2m_changed.connect(
        forget_related_choices, sender=Article.tags.through, dispatch_uid="related-tags"
    )
