from cookie_consent.views import CookieGroupListView
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView, TemplateView

from articles.sitemaps import SITEMAPS, NewsSitemap
from articles.views import media
from consent.views import CookieStatusView
from edge import keys, origin

admin.site.site_header = "Newsroom administration"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Newsroom"

# Function views answer any method unless told otherwise; these only read (class-based
# views and the feeds refuse other methods themselves).
flatpage = require_safe(flatpage_views.flatpage)
sitemap_index = keys.tagged(keys.SITEMAPS)(require_safe(sitemap_views.index))
sitemap = keys.tagged(keys.SITEMAPS)(require_safe(sitemap_views.sitemap))
serve_media = require_safe(media)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("privacy/", keys.tagged(keys.FLATPAGES)(flatpage), {"url": "/privacy/"}, name="privacy"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
    # Browsers and feed readers ask for /favicon.ico whatever the page links to. The
    # unhashed static name stays valid across deploys, so the redirect can be permanent.
    path(
        "favicon.ico",
        RedirectView.as_view(
            url=f"{settings.STATIC_URL}img/favicon.ico",
            permanent=True,
            http_method_names=["get", "head"],
        ),
        name="favicon",
    ),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    # Before sitemap-<section>.xml, which would take "news" for a section.
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "articles/sitemap_news.xml"},
        name="sitemap-news",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    # The cookie settings page is public (one copy per consent state); the banner script's
    # status gives readers no CSRF token, so no cookie (consent.views).
    path(
        "cookies/",
        keys.tagged(keys.SITE)(CookieGroupListView.as_view()),
        name="cookie_consent_cookie_group_list",
    ),
    path("cookies/status/", CookieStatusView.as_view(), name="cookie_consent_status"),
    path(
        "cookies/",
        origin.protected_urls(
            "cookie_consent.urls", "cookie_consent_accept", "cookie_consent_decline"
        ),
    ),
    path("health/", include("jobs.urls")),
    path("", include("comments.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded media from local disk, for development and single-host sites; production
    # usually serves MEDIA_URL from the web server or an object store instead.
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{prefix}(?P<path>.*)$", serve_media, name="media"))
