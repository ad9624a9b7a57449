from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.text import Truncator

from comments import services
from comments.models import Comment, CommentReport, ModerationEvent


class QueueFilter(admin.SimpleListFilter):
    """The moderation queues, with their sizes."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        counts = Comment.objects.queue_counts()
        return [
            ("review", f"Needs review ({counts['review']})"),
            ("pending", f"Held ({counts['pending']})"),
            ("unchecked", f"Not checked by Akismet ({counts['unchecked']})"),
            ("spam", f"Spam ({counts['spam']})"),
            ("reported", f"Reported ({counts['reported']})"),
            ("approved", "Published"),
        ]

    def queryset(self, request, queryset):
        if self.value() in QUEUES:
            return getattr(queryset, QUEUES[self.value()])()
        return queryset


# Each queue is a CommentQuerySet method: the list filter, the counts and the digest agree.
QUEUES = {
    "review": "awaiting_review",
    "pending": "pending",
    "unchecked": "unchecked",
    "spam": "spam",
    "reported": "reported",
    "approved": "approved",
}


class ModerationEventInline(admin.TabularInline):
    model = ModerationEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "actor_label", "action", "from_status", "to_status", "verdict", "note"]
    readonly_fields = fields
    verbose_name_plural = "history"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CommentReportInline(admin.TabularInline):
    model = CommentReport
    extra = 0
    can_delete = False
    fields = ["created_at", "reason", "details", "resolved"]
    readonly_fields = ["created_at", "reason", "details"]
    verbose_name_plural = "readers' reports"

    def has_add_permission(self, request, obj=None):
        return False


MODERATION_FIELDS = [
    "status",
    "held_reason",
    "verdict",
    "checked_at",
    "check_attempts",
    "last_check_error",
    "feedback_pending",
]
REQUEST_FIELDS = ["ip_address", "user_agent", "referrer", "created_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "author_name",
        "article_link",
        "status",
        "verdict",
        "held_reason",
        "open_reports",
        "created_at",
    ]
    list_filter = [QueueFilter, "status", "verdict", "held_reason", "created_at"]
    search_fields = ["content", "author_name", "author_email", "article__title", "ip_address"]
    date_hierarchy = "created_at"
    list_select_related = ["article"]
    list_per_page = 50
    # Django's own "Delete selected comments" (with its confirmation page) stays available.
    actions = [
        "approve",
        "mark_spam",
        "mark_not_spam",
        "check_again",
        "export_commenter_data",
        "erase_commenter_data",
    ]
    inlines = [CommentReportInline, ModerationEventInline]
    fieldsets = [
        (None, {"fields": ["article", "parent", "content"]}),
        ("Author", {"fields": ["author_name", "author_email", "author_url", "user"]}),
        ("Moderation", {"fields": MODERATION_FIELDS}),
        ("Request", {"fields": REQUEST_FIELDS}),
    ]
    # Moderators judge and redact what was written; the record of what happened stays.
    readonly_fields = ["article", "parent", "user", *MODERATION_FIELDS, *REQUEST_FIELDS]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(report_count=Count("reports", filter=Q(reports__resolved=False)))
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description="comment")
    def excerpt(self, obj):
        return Truncator(obj.content).chars(90)

    @admin.display(description="article", ordering="article__title")
    def article_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article)

    @admin.display(description="reports", ordering="report_count")
    def open_reports(self, obj):
        return obj.report_count or ""

    def moderate(self, request, queryset, action: str, done: str):
        count = 0
        for comment in queryset.select_related("article"):
            services.moderate_comment(comment=comment, action=action, moderator=request.user)
            count += 1
        self.message_user(request, f"{count} comment(s) {done}.", messages.SUCCESS)

    @admin.action(description="Approve (publish)", permissions=["change"])
    def approve(self, request, queryset):
        self.moderate(request, queryset, "approve", "approved")

    @admin.action(description="Mark as spam (and tell Akismet)", permissions=["change"])
    def mark_spam(self, request, queryset):
        self.moderate(request, queryset, "spam", "marked as spam")

    @admin.action(description="Not spam: publish (and tell Akismet)", permissions=["change"])
    def mark_not_spam(self, request, queryset):
        self.moderate(request, queryset, "not_spam", "published as not spam")

    @admin.action(description="Check again with Akismet", permissions=["change"])
    def check_again(self, request, queryset):
        unchecked = 0
        for comment in queryset.select_related("article"):
            services.recheck_comment(comment=comment, moderator=request.user)
            unchecked += comment.verdict == Comment.Verdict.UNCHECKED
        if unchecked:
            self.message_user(
                request,
                f"Akismet could not be reached for {unchecked} comment(s); "
                "they will be checked again automatically.",
                messages.WARNING,
            )
        else:
            self.message_user(request, "Checked again with Akismet.", messages.SUCCESS)

    # Commenters' data requests: select any comment of theirs (search by e-mail address).

    def commenter_emails(self, queryset) -> list[str]:
        """The distinct e-mail addresses of the selected comments, ignoring case."""
        emails = {
            email.casefold(): email for email in queryset.values_list("author_email", flat=True)
        }
        return sorted(emails.values())

    @admin.action(description="Export the commenters' data (JSON)", permissions=["view"])
    def export_commenter_data(self, request, queryset):
        commenters = []
        for email in self.commenter_emails(queryset):
            try:
                commenters.append(services.export_commenter_data(email=email))
            except ValidationError:
                continue  # an address stored before validation existed: nothing to match
        response = JsonResponse(
            {"commenters": commenters}, json_dumps_params={"indent": 2, "ensure_ascii": False}
        )
        response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
        return response

    @admin.action(
        description="Erase the commenters' data (every comment from their addresses)",
        permissions=["delete"],
    )
    def erase_commenter_data(self, request, queryset):
        emails = self.commenter_emails(queryset)
        if request.POST.get("confirm") == "yes":
            erased = 0
            for email in emails:
                try:
                    erased += services.erase_commenter_data(email=email)
                except ValidationError:
                    continue
            self.message_user(
                request,
                f"Erased {erased} comment(s) from {len(emails)} address(es).",
                messages.SUCCESS,
            )
            return None
        commenters = [
            (email, Comment.objects.filter(author_email__iexact=email).count()) for email in emails
        ]
        return TemplateResponse(
            request,
            "admin/comments/comment/erase_commenter_data.html",
            {
                **self.admin_site.each_context(request),
                "title": "Erase commenters' data",
                "opts": self.model._meta,
                "commenters": commenters,
                "selected": queryset.values_list("pk", flat=True),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )
