from cookie_consent.models import CookieGroup
from django.db import models


class Snippet(models.Model):
    """Third-party code (analytics, an embed) on the page only for visitors who accept its group."""

    class Position(models.TextChoices):
        HEAD = "head", "End of the page head"
        BODY_END = "body_end", "End of the page body"

    name = models.CharField(max_length=100, help_text="For the admin only, e.g. “Matomo”.")
    cookie_group = models.ForeignKey(
        CookieGroup,
        on_delete=models.PROTECT,
        related_name="snippets",
        limit_choices_to={"is_required": False},
        help_text="The snippet is on the page only for visitors who accepted this group.",
    )
    position = models.CharField(max_length=10, choices=Position, default=Position.BODY_END)
    code = models.TextField(
        help_text=(
            "HTML pasted as it is into every page. Its <script> and <style> tags get the page's "
            "security nonce; inline event handlers (onload=…) are blocked, and scripts or "
            "beacons from another host work only once that host is in the site's "
            "Content-Security-Policy."
        )
    )
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "third-party snippet"

    def __str__(self):
        return self.name
