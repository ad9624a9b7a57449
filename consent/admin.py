from cookie_consent.admin import CookieGroupAdmin as PackageCookieGroupAdmin
from cookie_consent.admin import LogItemAdmin as PackageLogItemAdmin
from cookie_consent.models import CookieGroup, LogItem
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consent import services
from consent.models import BannerText, Snippet


@admin.register(Snippet)
class SnippetAdmin(admin.ModelAdmin):
    list_display = ["name", "cookie_group", "position", "enabled"]
    list_filter = ["cookie_group", "position", "enabled"]
    search_fields = ["name", "code"]
    readonly_fields = ["allowed_by_hash"]

    @admin.display(description=gettext_lazy("Allowed by the Content-Security-Policy as"))
    def allowed_by_hash(self, snippet):
        sources = [source for hashes in snippet.csp_sources().values() for source in hashes]
        return " ".join(sources) or _("No inline code: nothing to allow.")


@admin.register(BannerText)
class BannerTextAdmin(admin.ModelAdmin):
    """One row: the list goes straight to it; it can be changed, never added twice or deleted."""

    fields = ["message", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not BannerText.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if BannerText.objects.exists() and self.has_view_or_change_permission(request):
            return redirect("admin:consent_bannertext_change", BannerText.SINGLETON_PK)
        return super().changelist_view(request, extra_context)


admin.site.unregister(CookieGroup)


@admin.register(CookieGroup)
class CookieGroupAdmin(PackageCookieGroupAdmin):
    actions = ["ask_again"]

    @admin.action(
        description=gettext_lazy("Ask visitors again (a new version of the policy)"),
        permissions=["change"],
    )
    def ask_again(self, request, queryset):
        changed = [group.name for group in queryset if services.ask_again(group)]
        if changed:
            self.message_user(
                request,
                _("Visitors will be asked again about: %(groups)s.")
                % {"groups": ", ".join(changed)},
            )
        else:
            self.message_user(
                request, _("These groups have no cookies to ask about."), messages.WARNING
            )


if admin.site.is_registered(LogItem):
    admin.site.unregister(LogItem)

    @admin.register(LogItem)
    class LogItemAdmin(PackageLogItemAdmin):
        """Visitors' choices with the group version each was made under: a record, never edited."""

        def has_add_permission(self, request):
            return False

        def has_change_permission(self, request, obj=None):
            return False
