"""Cache invalidation for snippets and the banner, after saves we do not call (admin, loaddata)."""

from cookie_consent.models import CookieGroup
from django.db.models.signals import post_delete, post_save

from consent import snippets
from consent.models import BannerText, Snippet


def forget_snippets(sender, **kwargs):
    snippets.forget_snippets()


def forget_banner_text(sender, **kwargs):
    BannerText.objects.forget()


def connect():
    # A snippet is cached with its group's varname: a renamed group must be read again.
    for model in (Snippet, CookieGroup):
        post_save.connect(forget_snippets, sender=model, dispatch_uid=f"snippets-{model}")
        post_delete.connect(forget_snippets, sender=model, dispatch_uid=f"snippets-d-{model}")
    post_save.connect(forget_banner_text, sender=BannerText, dispatch_uid="banner-text")
    post_delete.connect(forget_banner_text, sender=BannerText, dispatch_uid="banner-text-d")
