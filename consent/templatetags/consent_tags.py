from cookie_consent.models import Cookie, CookieGroup
from django import template
from django.conf import settings
from django.db.models import Prefetch

from consent import choices, snippets
from consent.models import BannerText

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_snippets(context, position: str):
    """Third-party snippets for this place in the page, for the groups the visitor accepted."""
    request = context.get("request")
    if request is None:
        return ""
    return snippets.snippets_for(request, position)


@register.simple_tag
def consent_banner_message() -> str:
    """{% consent_banner_message as message %}: the banner's wording, as edited in the admin."""
    return BannerText.objects.message()


@register.filter
def gpc_declined(request, varname: str) -> bool:
    """{% if request|gpc_declined:group.varname %}: Global Privacy Control said no for them."""
    return choices.gpc_declined(request, varname)


@register.simple_tag
def cookie_policy() -> dict:
    """What the privacy page states, read from the consent models and the settings."""
    groups = CookieGroup.objects.order_by("ordering", "pk").prefetch_related(
        Prefetch("cookie_set", queryset=Cookie.objects.order_by("name"))
    )
    groups = list(groups)
    for group in groups:
        # The group's version: when its newest cookie was added (a change re-asks visitors).
        changed = max((cookie.created for cookie in group.cookie_set.all()), default=None)
        # To the second: HTML's <time datetime> takes at most three digits of a fraction.
        group.changed = changed.replace(microsecond=0) if changed else None
    return {"groups": groups, "ip_retention_days": settings.COMMENTS_IP_RETENTION_DAYS}
