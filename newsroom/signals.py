"""Cache invalidation for snippets: it must follow saves we do not call (admin, loaddata)."""

from cookie_consent.models import CookieGroup
from django.db.models.signals import post_delete, post_save

from newsroom import consent
from newsroom.models import Snippet


def forget_snippets(sender, **kwargs):
    consent.forget_snippets()


def connect():
    # A snippet is cached with its group's varname: a renamed group must be read again.
    for model in (Snippet, CookieGroup):
        post_save.connect(forget_snippets, sender=model, dispatch_uid=f"snippets-{model}")
        post_delete.connect(forget_snippets, sender=model, dispatch_uid=f"snippets-d-{model}")
