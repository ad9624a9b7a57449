"""
Third-party snippets (analytics, embeds), shown only to visitors who accept their group.

Pages for readers are cached and shared, so they carry no per-request CSP nonce. A snippet's
inline <script> and <style> code is allowed by its hash instead: the page's
Content-Security-Policy names the hash of each inline block it shows ('sha256-…'), added by
ConsentMiddleware through allow_inline_code(). Scripts loaded with src need no hash: from our
own origin they are allowed, from another host once that host is in SECURE_CSP.
"""

import base64
import hashlib
from html.parser import HTMLParser
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy
from django.utils.safestring import SafeString, mark_safe

from consent.choices import accepted

# Versioned: a cache filled by an older release holds rows of another shape.
CACHE_KEY = "consent:snippets:v2"
CACHE_SECONDS = 60 * 60

# The policy directive that governs each kind of inline block.
DIRECTIVES = {"script": "script-src", "style": "style-src"}


class EnabledSnippet(NamedTuple):
    position: str
    varname: str
    code: str
    # {"script-src": ("'sha256-…'", …), "style-src": (…)}: its inline blocks' hashes.
    sources: dict[str, tuple[str, ...]]


class _InlineBlocks(HTMLParser):
    """The text of every inline <script> (one without src) and <style> element."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks: list[tuple[str, str]] = []
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "style" or (tag == "script" and "src" not in dict(attrs)):
            self._open = (tag, [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[0] == tag:
            self.blocks.append((tag, "".join(self._open[1])))
            self._open = None


def csp_hash(text: str) -> str:
    """The CSP source allowing an inline block with exactly this text: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_sources(code: str) -> dict[str, tuple[str, ...]]:
    """The hash sources of the inline <script> and <style> blocks of a snippet's code."""
    # Browsers read CR LF and lone CR as LF before hashing; the admin's textarea sends CR LF.
    parser = _InlineBlocks()
    parser.feed(code.replace("\r\n", "\n").replace("\r", "\n"))
    parser.close()
    sources: dict[str, list[str]] = {}
    for tag, text in parser.blocks:
        hashed = csp_hash(text)
        if hashed not in sources.setdefault(DIRECTIVES[tag], []):
            sources[DIRECTIVES[tag]].append(hashed)
    return {directive: tuple(hashes) for directive, hashes in sources.items()}


def enabled_snippets() -> list[EnabledSnippet]:
    """Every enabled snippet with its group's varname and hashes, cached site-wide."""

    def load():
        from consent.models import Snippet

        return [
            EnabledSnippet(
                snippet.position,
                snippet.cookie_group.varname,
                snippet.code,
                inline_sources(snippet.code),
            )
            for snippet in Snippet.objects.filter(enabled=True).select_related("cookie_group")
        ]

    return cache.get_or_set(CACHE_KEY, load, timeout=CACHE_SECONDS)


def forget_snippets() -> None:
    cache.delete(CACHE_KEY)


def snippets_for(request: HttpRequest, position: str) -> SafeString:
    """
    The snippets at this position whose cookie group the visitor accepted, as they were
    written; their hashes are kept on the request for the page's policy.
    """
    if not request.COOKIES.get(settings.COOKIE_CONSENT_NAME):
        return mark_safe("")  # no choice made: no query, no cache read
    shown = [
        snippet
        for snippet in enabled_snippets()
        if snippet.position == position and accepted(request, snippet.varname)
    ]
    if not hasattr(request, "csp_snippet_sources"):
        request.csp_snippet_sources = {}
    for snippet in shown:
        for directive, hashes in snippet.sources.items():
            known = request.csp_snippet_sources.setdefault(directive, [])
            known.extend(source for source in hashes if source not in known)
    # Trusted as if it were in a template: only administrators may edit snippets.
    return mark_safe("\n".join(snippet.code for snippet in shown))


def allow_inline_code(request: HttpRequest, response: HttpResponse) -> None:
    """
    Give the response a Content-Security-Policy that also allows the inline code of the
    snippets on its page, by hash: SECURE_CSP plus those sources.

    Django's CSP middleware keeps a policy already on the response; without snippets it
    writes SECURE_CSP itself. The nonce is kept for pages that used one (never a cached
    page: nothing a reader sees asks for it).
    """
    extra = getattr(request, "csp_snippet_sources", None)
    if not extra or not settings.SECURE_CSP or CSP.HEADER_ENFORCE in response:
        return
    config = dict(settings.SECURE_CSP)
    for directive, sources in extra.items():
        # A directive the policy leaves out falls back to default-src: start from it.
        base = config.get(directive) or config.get("default-src") or []
        config[directive] = [*base, *sources]
    # A plain str: WSGI servers refuse the enum as a header name.
    response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(config, get_nonce(request))
