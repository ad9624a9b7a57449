from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from articles.sitemaps import SITEMAPS, NewsSitemap
from articles.views import media

admin.site.site_header = "Newsroom administration"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("privacy/", flatpage_views.flatpage, {"url": "/privacy/"}, name="privacy"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    # Before sitemap-<section>.xml, which would take "news" for a section.
    path(
        "sitemap-news.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "articles/sitemap_news.xml"},
        name="sitemap-news",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("cookies/", include("cookie_consent.urls")),
    path("", include("comments.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded media from local disk, for development and single-host sites; production
    # usually serves MEDIA_URL from the web server or an object store instead.
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{prefix}(?P<path>.*)$", media, name="media"))
