from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models.fields import BLANK_CHOICE_DASH
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import related, services
from articles.display import isolated, one_line
from articles.forms import ArticleAdminForm, ImageAdminForm
from articles.models import (
    Article,
    Author,
    Image,
    RelatedPick,
    Section,
    SeeAlso,
    SlugRedirect,
    Tag,
)


def thumbnail_html(image: Image, width: int) -> str:
    """A picture's smallest rendition, at `width` CSS pixels, its height in proportion."""
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="thumbnail">',
        image.rendition_url("jpeg", 320),
        width,
        round(width * image.height / image.width) if image.width else width,
    )


class PlaceholderAutocompleteSelect(AutocompleteSelect):
    """
    Django's autocomplete select, starting with a labelled empty choice.

    Django's renders a required select whose first option is the current value, and an
    optional one whose empty option has no text: both are invalid HTML. select2 shows its
    own (empty) placeholder for that choice and leaves it out of the search results, so
    nothing changes on screen, and a required field still cannot be cleared.
    """

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = groups[0][1]
        if options and options[0]["value"] == "":
            options.pop(0)
        label = self.choices.field.empty_label or BLANK_CHOICE_DASH[0][1]
        selected = not any(option["selected"] for option in options)
        options.insert(0, self.create_option(name, "", label, selected, 0))
        for index, option in enumerate(options):
            option["index"] = str(index)
        return groups


class PlaceholderAutocompleteMixin:
    """Autocomplete foreign keys drawn with PlaceholderAutocompleteSelect."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PlaceholderAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Article.State.choices

    def queryset(self, request, queryset):
        if self.value() in Article.State.values:
            return queryset.in_state(self.value())
        return queryset


class SlugRedirectInline(admin.TabularInline):
    model = SlugRedirect
    extra = 0
    fields = ["old_slug", "created_at"]
    readonly_fields = ["old_slug", "created_at"]
    verbose_name = "former address"
    verbose_name_plural = "former addresses (answered with a permanent redirect)"

    def has_add_permission(self, request, obj=None):
        return False


class LinkedArticleInline(PlaceholderAutocompleteMixin, admin.TabularInline):
    """Shared by the "See also" links and the editor's picks: flags dead targets."""

    extra = 0
    fk_name = "article"
    autocomplete_fields = ["target"]
    readonly_fields = ["target_state"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target")

    @admin.display(description="state")
    def target_state(self, obj):
        if not obj.pk:
            return ""
        if obj.target.is_published:
            return "Published"
        return format_html(
            '<strong class="errornote">{}: hidden from readers</strong>', obj.target.state.label
        )


class SeeAlsoInline(LinkedArticleInline):
    model = SeeAlso
    fields = ["target", "after_paragraph", "position", "target_state"]


class RelatedPickInline(LinkedArticleInline):
    model = RelatedPick
    fields = ["target", "position", "target_state"]


@admin.register(Article)
class ArticleAdmin(PlaceholderAutocompleteMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "picture",
        "headline",
        "state_label",
        "section_name",
        "byline",
        "published_at",
        "updated_at",
    ]
    list_display_links = ["headline"]
    list_filter = [StateFilter, "section", "authors", "published_at", "comments_open"]
    list_select_related = ["section", "featured_image"]
    search_fields = ["title", "standfirst", "authors__display_name", "tags__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["authors", "tags", "section", "featured_image"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["preview_link", "related_preview", "created_at", "updated_at"]
    inlines = [SeeAlsoInline, RelatedPickInline, SlugRedirectInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body"]}),
        ("Byline and placement", {"fields": ["authors", "section", "tags", "source"]}),
        ("Picture", {"fields": ["featured_image"]}),
        (
            "Publication",
            {"fields": ["status", "published_at", "comments_open", "preview_link"]},
        ),
        ("Related content", {"fields": ["auto_see_also", "related_preview"]}),
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authors")

    def get_search_results(self, request, queryset, search_term):
        """Links and picks may only point at published articles."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if request.GET.get("model_name") in {"seealso", "relatedpick"}:
            queryset = queryset.published()
        return queryset, may_have_duplicates

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self.warn_about_dead_links(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def warn_about_dead_links(self, request, object_id):
        article = Article.objects.filter(pk=object_id).first()
        if article is None:
            return
        dead = [
            link.target.title
            for link in [
                *article.see_also_links.select_related("target"),
                *article.related_picks.select_related("target"),
            ]
            if not link.target.is_published
        ]
        if dead:
            messages.warning(
                request,
                "These linked articles are not published, so readers do not see the links: "
                + "; ".join(dead),
            )

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = Author.objects.filter(user=request.user).first()
        if author and "authors" not in initial:
            initial["authors"] = [author.pk]
        return initial

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            services.change_slug(article=obj, old_slug=form.initial.get("slug", ""))

    def view_on_site(self, obj):
        return (
            obj.get_absolute_url()
            if obj.is_published
            else reverse("articles:preview", args=[obj.pk])
        )

    @admin.display(description="picture")
    def picture(self, obj):
        return thumbnail_html(obj.featured_image, 60) if obj.featured_image else ""

    @admin.display(description="title", ordering="title")
    def headline(self, obj):
        return one_line(obj.title)

    @admin.display(description="state", ordering="status")
    def state_label(self, obj):
        return obj.state.label

    @admin.display(description="section", ordering="section__name")
    def section_name(self, obj):
        return isolated(obj.section.name)

    @admin.display(description="by")
    def byline(self, obj):
        return format_html_join(
            ", ", "<bdi>{}</bdi>", ((a.display_name,) for a in obj.authors.all())
        )

    @admin.display(description='"You may also like" and "See also" now')
    def related_preview(self, obj):
        if not obj.pk:
            return "Save the article to see what readers will be offered."
        selection = related.compute_selection(obj)
        titles = dict(
            Article.objects.filter(
                pk__in=[c.article_id for c in selection.related]
                + [target for target, _ in selection.see_also]
            ).values_list("pk", "title")
        )
        see_also = format_html_join(
            "",
            "<li>{} <em>(after paragraph {})</em></li>",
            (
                (titles.get(target, "?"), after or "in the middle")
                for target, after in selection.see_also
            ),
        )
        block = format_html_join(
            "",
            "<li>{} <em>({})</em></li>",
            ((titles.get(c.article_id, "?"), "; ".join(c.reasons)) for c in selection.related),
        )
        return format_html(
            "<p><strong>See also</strong></p><ul>{}</ul>"
            "<p><strong>You may also like</strong>, in order</p><ol>{}</ol>",
            see_also or format_html("<li>{}</li>", "none"),
            block or format_html("<li>{}</li>", "nothing to show"),
        )

    @admin.display(description="preview")
    def preview_link(self, obj):
        if not obj.pk:
            return "Save the article to preview it."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Preview as readers will see it</a>'
            " (staff only; drafts and scheduled articles included)",
            reverse("articles:preview", args=[obj.pk]),
        )


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(PlaceholderAutocompleteMixin, admin.ModelAdmin):
    list_display = ["name", "role_label", "user"]
    list_select_related = ["user"]
    prepopulated_fields = {"slug": ["display_name"]}
    search_fields = ["display_name", "role"]
    autocomplete_fields = ["photo"]
    raw_id_fields = ["user"]

    @admin.display(description="display name", ordering="display_name")
    def name(self, obj):
        return isolated(obj.display_name)

    @admin.display(description="role", ordering="role")
    def role_label(self, obj):
        return isolated(obj.role)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "description", "credit_label", "width", "height", "uploaded_at"]
    list_display_links = ["thumbnail", "description"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["width", "height", "rendition_list"]

    def get_fields(self, request, obj=None):
        # Size and renditions come from the stored file: a new picture has none yet, and
        # the add form (also the "+" popup of an article) would show "Width 0, Height 0".
        fields = super().get_fields(request, obj)
        return fields if obj else [f for f in fields if f not in self.readonly_fields]

    @admin.display(description="picture")
    def thumbnail(self, obj):
        return thumbnail_html(obj, 80)

    @admin.display(description="alt text", ordering="alt_text")
    def description(self, obj):
        return one_line(obj.alt_text)

    @admin.display(description="credit", ordering="credit")
    def credit_label(self, obj):
        return isolated(obj.credit)

    @admin.display(description="renditions")
    def rendition_list(self, obj):
        return ", ".join(f"{r['width']}w {r['format']}" for r in obj.renditions) or "—"

    def save_model(self, request, obj, form, change):
        if "file" in form.changed_data:
            # The form has decoded the upload already; the service stores it clean.
            services.store_image(
                image=obj, upload=form.cleaned_data["file"], clean=form.clean_picture
            )
        else:
            super().save_model(request, obj, form, change)
