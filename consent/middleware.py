from django.contrib.flatpages import middleware as flatpages
from django.http import HttpResponseNotAllowed
from django.utils.cache import patch_vary_headers

from consent import choices, snippets


class ConsentMiddleware:
    """
    Make the visitor's cookie choices trustworthy, and tell caches that pages depend on them.

    Before the view: the consent cookie is cleaned of anything the site did not write, and
    Global Privacy Control is applied (see consent.choices). After it: HTML pages carry the
    banner and the comment form in the visitor's consent state, and JSON answers (the
    consent status, comment posts) are per visitor too, so they vary on the cookie and on
    the Sec-GPC header; no cache may give one visitor's page to another. The policy of a
    page showing snippets allows their inline code by hash (consent.snippets).
    """

    VARY_CONTENT_TYPES = ("text/html", "application/json")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        choices.clean_consent_cookie(request)
        request.global_privacy_control = choices.apply_global_privacy_control(request)
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith(self.VARY_CONTENT_TYPES):
            patch_vary_headers(response, ("Cookie", "Sec-GPC"))
        snippets.allow_inline_code(request, response)
        return response


class FlatpageFallbackMiddleware(flatpages.FlatpageFallbackMiddleware):
    """Django's fallback to flat pages, which would serve one to any method: GET and HEAD only."""

    def process_response(self, request, response):
        page = super().process_response(request, response)
        if page is not response and request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return page
