from cookie_consent.util import (
    get_accepted_cookie_groups,
    get_declined_cookie_groups,
    get_not_accepted_or_declined_cookie_groups,
)
from cookie_consent.views import CookieStatusView as PackageCookieStatusView
from django.http import JsonResponse
from django.urls import reverse


class CookieStatusView(PackageCookieStatusView):
    """
    The banner script's status answer, with a CSRF token for logged-in users only.

    The package hands every visitor a token, and so sets the csrftoken cookie. Readers'
    cookie choices are protected by where the post comes from instead (the cross-origin
    check the URLconf wraps the accept and decline views in), so a reader gets no cookie
    here; the script then sends an empty token, which nothing reads.
    """

    def get(self, request):
        if request.user.is_authenticated:
            return super().get(request)
        groups = {
            "acceptedCookieGroups": get_accepted_cookie_groups(request),
            "declinedCookieGroups": get_declined_cookie_groups(request),
            "notAcceptedOrDeclinedCookieGroups": get_not_accepted_or_declined_cookie_groups(
                request
            ),
        }
        return JsonResponse(
            {
                "csrftoken": "",
                "acceptUrl": reverse("cookie_consent_accept"),
                "declineUrl": reverse("cookie_consent_decline"),
                **{key: [group.varname for group in value] for key, value in groups.items()},
            }
        )
