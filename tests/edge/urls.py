"""The site's URLs and two pages that set a cookie, for the tests of that rule."""

from django.http import HttpResponse
from django.urls import include, path

from edge import keys


def tagged_page_setting_a_cookie(request):
    keys.add(request, "test-page")
    response = HttpResponse("A page with surrogate keys that sets a cookie.")
    response.set_cookie("visitor", "42")
    return response


def public_page_setting_a_cookie(request):
    # Says public itself, so only the cache in front can refuse to store it.
    response = HttpResponse("A public page that sets a cookie.")
    response["Cache-Control"] = "public, max-age=60, s-maxage=600"
    response.set_cookie("visitor", "42")
    return response


urlpatterns = [
    path("test/tagged-cookie/", tagged_page_setting_a_cookie),
    path("test/public-cookie/", public_page_setting_a_cookie),
    path("", include("newsroom.urls")),
]
