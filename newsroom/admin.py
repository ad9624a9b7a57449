from cookie_consent.admin import CookieGroupAdmin as PackageCookieGroupAdmin
from cookie_consent.admin import LogItemAdmin as PackageLogItemAdmin
from cookie_consent.models import CookieGroup, LogItem
from django.contrib import admin, messages

from newsroom import consent
from newsroom.models import Snippet


@admin.register(Snippet)
class SnippetAdmin(admin.ModelAdmin):
    list_display = ["name", "cookie_group", "position", "enabled"]
    list_filter = ["cookie_group", "position", "enabled"]
    search_fields = ["name", "code"]


admin.site.unregister(CookieGroup)


@admin.register(CookieGroup)
class CookieGroupAdmin(PackageCookieGroupAdmin):
    actions = ["ask_again"]

    @admin.action(
        description="Ask visitors again (a new version of the policy)", permissions=["change"]
    )
    def ask_again(self, request, queryset):
        changed = [group.name for group in queryset if consent.ask_again(group)]
        if changed:
            self.message_user(request, f"Visitors will be asked again about: {', '.join(changed)}.")
        else:
            self.message_user(
                request, "These groups have no cookies to ask about.", messages.WARNING
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
