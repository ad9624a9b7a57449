"""Third-party snippets (analytics, embeds), shown only to visitors who accept their group."""

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from consent.choices import accepted

CACHE_KEY = "consent:snippets"
CACHE_SECONDS = 60 * 60

SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b", re.IGNORECASE)


def enabled_snippets() -> list[tuple[str, str, str]]:
    """(position, group varname, code) of every enabled snippet, cached site-wide."""

    def load():
        from consent.models import Snippet

        return [
            (snippet.position, snippet.cookie_group.varname, snippet.code)
            for snippet in Snippet.objects.filter(enabled=True).select_related("cookie_group")
        ]

    return cache.get_or_set(CACHE_KEY, load, timeout=CACHE_SECONDS)


def forget_snippets() -> None:
    cache.delete(CACHE_KEY)


def with_nonce(code: str, nonce) -> SafeString:
    """
    Snippet code with the request's CSP nonce on its <script> and <style> tags.

    The strict policy refuses inline code without the nonce; giving it to snippets trusts
    whoever may edit them (administrators only), exactly as if the code were in a template.
    """
    # Not `if nonce`: Django's lazy nonce is falsy until something asks for its value.
    if nonce is not None:
        code = SCRIPT_OR_STYLE.sub(lambda match: f'<{match[1]} nonce="{nonce}"', code)
    return mark_safe(code)


def snippets_for(request: HttpRequest, position: str, nonce) -> SafeString:
    """The snippets at this position whose cookie group the visitor accepted."""
    if not request.COOKIES.get(settings.COOKIE_CONSENT_NAME):
        return mark_safe("")  # no choice made: no query, no cache read
    rendered = [
        with_nonce(code, nonce)
        for where, varname, code in enabled_snippets()
        if where == position and accepted(request, varname)
    ]
    return mark_safe("\n".join(rendered))
