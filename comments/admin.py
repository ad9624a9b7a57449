from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from articles.display import one_line
from comments import services
from comments.models import Comment, CommentReport, ModerationEvent


class QueueFilter(admin.SimpleListFilter):
    """The moderation queues (CommentQuerySet.QUEUES), with their sizes."""

    title = "queue"
    parameter_name = "queue"
    labels = {
        "review": "Needs review",
        "pending": "Held",
        "unchecked": "Not checked by Akismet",
        "spam": "Spam",
        "reported": "Reported",
        "approved": "Published",
    }

    def lookups(self, request, model_admin):
        counts = Comment.objects.queue_counts()
        return [
            (name, f"{label} ({counts[name]})" if name in counts else label)
            for name, label in self.labels.items()
        ]

    def queryset(self, request, queryset):
        if self.value() in queryset.QUEUES:
            return queryset.queue(self.value())
        return queryset


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


MODERATION_FIELDS = [*Comment.CHECK_FIELDS, "feedback_pending"]
REQUEST_FIELDS = ["ip_address", "user_agent", "referrer", "created_at"]

# One-click decisions on a queue row and on the comment's page: (label, what it did).
DECISIONS = {
    "approve": ("Approve", "approved: it is published"),
    "spam": ("Spam", "marked as spam (Akismet is told)"),
    "not_spam": ("Not spam", "published as not spam (Akismet is told)"),
    "delete": ("Delete", "deleted"),
}


def decisions_for(comment: Comment) -> list[str]:
    """The decisions that change something for this comment, in button order."""
    if comment.status == Comment.Status.SPAM:
        return ["not_spam", "delete"]
    if comment.status == Comment.Status.APPROVED:
        return ["spam", "delete"]
    return ["approve", "spam", "delete"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    # Few columns, so the queue fits a laptop screen beside the admin's two sidebars.
    list_display = ["excerpt", "state", "open_reports", "created_at", "moderation"]
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

    def get_list_display(self, request):
        if self.has_change_permission(request):
            return self.list_display
        return [name for name in self.list_display if name != "moderation"]

    @admin.display(description="comment")
    def excerpt(self, obj):
        return format_html(
            '{}<span class="one-line quiet">by <bdi>{}</bdi> on <bdi>{}</bdi></span>',
            one_line(Truncator(obj.content).chars(500), Truncator(obj.content).chars(120)),
            obj.author_name,
            obj.article.title,
        )

    @admin.display(description="state", ordering="status")
    def state(self, obj):
        details = [f"Akismet: {obj.get_verdict_display()}"]
        if obj.held_reason:
            details.append(obj.get_held_reason_display())
        return format_html(
            '{}<br><span class="quiet">{}</span>', obj.get_status_display(), "; ".join(details)
        )

    # One-click moderation -------------------------------------------------------------

    @admin.display(description="moderate")
    def moderation(self, obj):
        # Buttons of the change list's own form (it carries the CSRF token), each posting it
        # to its decision's address: a form cannot sit inside that form.
        return render_to_string(
            "admin/comments/comment/_moderation_buttons.html",
            {"buttons": self.buttons(obj), "comment": obj},
        )

    def buttons(self, comment: Comment, next_url: str = "") -> list[dict]:
        return [
            {
                "decision": decision,
                "label": DECISIONS[decision][0],
                "url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_moderate",
                    args=[comment.pk, decision],
                ),
                "next": next_url,
            }
            for decision in decisions_for(comment)
        ]

    def get_urls(self):
        return [
            path(
                "<path:object_id>/moderate/<slug:decision>/",
                self.admin_site.admin_view(require_POST(self.moderate_view)),
                name=f"{self.opts.app_label}_{self.opts.model_name}_moderate",
            ),
            *super().get_urls(),
        ]

    def moderate_view(self, request, object_id, decision):
        """One decision on one comment, then back where the moderator was."""
        if decision not in DECISIONS:
            raise Http404("Unknown decision.")
        comment = self.get_object(request, unquote(object_id))
        if comment is None:
            raise Http404("This comment no longer exists.")
        allowed = (
            self.has_delete_permission(request, comment)
            if decision == "delete"
            else self.has_change_permission(request, comment)
        )
        if not allowed:
            raise PermissionDenied
        who = comment.author_name
        if decision == "delete":
            self.log_deletions(request, Comment.objects.filter(pk=comment.pk))
            self.delete_model(request, comment)
        else:
            services.moderate_comment(comment=comment, action=decision, moderator=request.user)
        self.message_user(
            request, f"The comment by {who} was {DECISIONS[decision][1]}.", messages.SUCCESS
        )
        return HttpResponseRedirect(self.back_url(request))

    def back_url(self, request) -> str:
        """The page the decision was made on (the queue, with its filters), if it is ours."""
        for candidate in (request.POST.get("next", ""), request.headers.get("Referer", "")):
            if candidate and url_has_allowed_host_and_scheme(
                candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                return candidate
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        comment = self.get_object(request, unquote(object_id))
        if comment is not None and self.has_change_permission(request, comment):
            changelist = add_preserved_filters(
                {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts},
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"),
            )
            buttons = self.buttons(comment, next_url=request.get_full_path())
            for button in buttons:
                if button["decision"] == "delete":
                    button["next"] = changelist  # the page itself is gone
            extra_context = (extra_context or {}) | {"moderation_buttons": buttons}
        return super().change_view(request, object_id, form_url, extra_context)

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
