from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
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
        if context["page_obj"].number == 1:
            articles = list(context["articles"])
            context["lead"] = articles[0] if articles else None
            context["articles"] = articles[1:]
            context["section_blocks"] = section_blocks(exclude=articles)
        keys.add(self.request, keys.HOME)
        return context


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
        body_parts, related_articles = related.for_page(self.object)
        keys.add(
            self.request, self.object, *related_articles, *(b for p in body_parts for b in p.boxes)
        )
        return super().get_context_data(
            body_parts=body_parts, related_articles=related_articles, **kwargs
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
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return page_size()

    def get_queryset(self):
        self.object = get_object_or_404(self.get_owner_queryset(), slug=self.kwargs["slug"])
        return self.object.articles.published().for_listing()

    def get_owner_queryset(self):
        return self.model.objects.all()

    def get_context_data(self, **kwargs):
        keys.add(self.request, self.object)
        return super().get_context_data(object=self.object, **kwargs)


class SectionDetailView(ArticleListForObjectView):
    model = Section
    template_name = "articles/section_detail.html"


class TagDetailView(ArticleListForObjectView):
    model = Tag
    template_name = "articles/tag_detail.html"


class AuthorDetailView(ArticleListForObjectView):
    model = Author
    template_name = "articles/author_detail.html"

    def get_owner_queryset(self):
        return Author.objects.select_related("photo")


class SearchView(TemplateView):
    """Search results: ranked, highlighted, filtered by section and dates, paginated."""

    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        section_list = sections.all_sections()
        form = search.SearchForm(self.request.GET, sections=section_list)
        context = {"form": form, "sections": section_list, "criteria": form.criteria()}
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
