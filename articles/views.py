from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from django.views.static import serve

from articles import related, search, sections
from articles.models import Article, Author, Section, SlugRedirect, Tag
from edge import keys


def page_size():
    return settings.NEWSROOM_PAGE_SIZE


class HomeView(ListView):
    """The front page: a lead story, the latest articles, a block per section."""

    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return page_size()

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keys.add(self.request, keys.HOME)
        return context | {"front": FrontPage(context["page_obj"])}


class FrontPage:
    """A page of the front page, read only when a template asks (its fragments are cached)."""

    def __init__(self, page):
        self.page = page

    @cached_property
    def cards(self):
        return list(self.page.object_list)

    @property
    def lead(self):
        return self.cards[0] if self.page.number == 1 and self.cards else None

    @property
    def latest(self):
        return self.cards[1:] if self.page.number == 1 else self.cards

    @cached_property
    def section_blocks(self):
        return section_blocks(exclude=self.cards) if self.page.number == 1 else []


def section_blocks(*, exclude):
    """[(section, [articles])] for the home page: the cards in one query and their authors."""
    blocks = sections.latest_per_section(exclude_ids=[article.pk for article in exclude])
    wanted = [pk for ids in blocks.values() for pk in ids]
    cards = Article.objects.published().filter(pk__in=wanted).for_listing().in_bulk()
    return [
        (section, [cards[pk] for pk in blocks[section.pk] if pk in cards])
        for section in sections.all_sections()
        if any(pk in cards for pk in blocks.get(section.pk, []))
    ]


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("section", "featured_image")
            .prefetch_related("authors", "tags")
        )

    def get_context_data(self, **kwargs):
        extras = related.ArticleExtras(self.object)
        # The cached choice names every article the page shows, without reading the cards.
        keys.add(self.request, self.object, *(f"article-{pk}" for pk in extras.shown_ids))
        return super().get_context_data(
            extras=extras,
            canonical_path=self.object.get_absolute_url(),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = (
                SlugRedirect.objects.filter(old_slug=kwargs["slug"])
                .select_related("article")
                .first()
            )
            if moved and moved.article.is_published:
                return redirect(moved.article, permanent=True)
            raise


@method_decorator([never_cache, staff_member_required], name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article, draft or scheduled, as readers will see it; staff only."""

    def get_queryset(self):
        return Article.objects.select_related("section", "featured_image").prefetch_related(
            "authors", "tags"
        )

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return DetailView.get(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)


class ArticleListForObjectView(ListView):
    """A paginated list of the published articles of one section, tag or author."""

    model = None
    template_name = "articles/listing.html"
    context_object_name = "articles"
    # "section", "tag" or "author": the shared template's header and feed addresses.
    kind = ""
    # Cards are h2 under the page's h1, or h3 where a heading comes between (authors).
    card_level = 2

    def get_paginate_by(self, queryset):
        return page_size()

    def get_queryset(self):
        self.object = get_object_or_404(self.get_owner_queryset(), slug=self.kwargs["slug"])
        return self.object.articles.published().for_listing()

    def get_owner_queryset(self):
        return self.model.objects.all()

    def get_context_data(self, **kwargs):
        keys.add(self.request, self.object)
        slug = [self.object.slug]
        feeds = {
            "rss": reverse(f"articles:{self.kind}-feed", args=slug),
            "atom": reverse(f"articles:{self.kind}-feed-atom", args=slug),
        }
        return super().get_context_data(
            object=self.object, kind=self.kind, feeds=feeds, card_level=self.card_level, **kwargs
        )


class SectionDetailView(ArticleListForObjectView):
    model = Section
    kind = "section"


class TagDetailView(ArticleListForObjectView):
    model = Tag
    kind = "tag"


class AuthorDetailView(ArticleListForObjectView):
    model = Author
    kind = "author"
    card_level = 3

    def get_owner_queryset(self):
        return Author.objects.select_related("photo")


class SearchView(TemplateView):
    """Search results: ranked, highlighted, filtered by section and dates, paginated."""

    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        section_list = sections.all_sections()
        form = search.SearchForm(self.request.GET, sections=section_list)
        context = {
            "form": form,
            "sections": section_list,
            "criteria": form.criteria(),
            # Results pages share the search page's address: the query is not part of it.
            "canonical_path": self.request.path,
        }
        keys.add(self.request, keys.SEARCH)
        if context["criteria"]:
            ranking = search.rank(context["criteria"])
            # get_page: a missing, mistyped or too large page number shows a page anyway.
            page = Paginator(ranking.ids, page_size()).get_page(self.request.GET.get("page"))
            context |= {
                "ranking": ranking,
                "page_obj": page,
                "articles": search.page_articles(page.object_list, context["criteria"]),
            }
        return super().get_context_data(**context, **kwargs)


def media(request, path):
    """Uploaded images and their renditions from MEDIA_ROOT, read at call time (tests move it)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
