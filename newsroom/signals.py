"""Cache invalidation for snippets, and the Sites record kept in step with the settings."""

from cookie_consent.models import CookieGroup
from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save

from newsroom import consent, sites
from newsroom.models import Snippet


def forget_snippets(sender, **kwargs):
    consent.forget_snippets()


def connect():
    # The Sites record follows NEWSROOM_SITE_URL: every deploy runs migrate.
    post_migrate.connect(sites.sync_site, sender=apps.get_app_config("newsroom"))
    # A snippet is cached with its group's varname: a renamed group must be read again.
    for model in (Snippet, CookieGroup):
        post_save.connect(forget_snippets, sender=model, dispatch_uid=f"snippets-{model}")
        post_delete.connect(forget_snippets, sender=model, dispatch_uid=f"snippets-d-{model}")
