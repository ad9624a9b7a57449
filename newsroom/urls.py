from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.urls import include, path

admin.site.site_header = "Newsroom administration"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("privacy/", flatpage_views.flatpage, {"url": "/privacy/"}, name="privacy"),
    path("", include("articles.urls")),
]
