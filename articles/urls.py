from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("section/<slug:slug>/", views.SectionDetailView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorDetailView.as_view(), name="author"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds: RSS 2.0 at feed/, Atom at feed/atom/, for the site and each section, tag, author.
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.SiteAtomFeed(), name="feed-atom"),
    path("section/<slug:slug>/feed/", feeds.SectionFeed(), name="section-feed"),
    path("section/<slug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section-feed-atom"),
    path("tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("author/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
]
