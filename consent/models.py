from cookie_consent.models import CookieGroup
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consent import snippets


class Snippet(models.Model):
    """Third-party code (analytics, an embed) on the page only for visitors who accept its group."""

    class Position(models.TextChoices):
        HEAD = "head", _("End of the page head")
        BODY_END = "body_end", _("End of the page body")

    name = models.CharField(max_length=100, help_text=_("For the admin only, e.g. “Matomo”."))
    cookie_group = models.ForeignKey(
        CookieGroup,
        on_delete=models.PROTECT,
        related_name="snippets",
        limit_choices_to={"is_required": False},
        help_text=_("The snippet is on the page only for visitors who accepted this group."),
    )
    position = models.CharField(max_length=10, choices=Position, default=Position.BODY_END)
    code = models.TextField(
        help_text=_(
            "HTML pasted as it is into every page. The code inside its script and style "
            "tags is allowed by the site's Content-Security-Policy by its hash, kept up to date "
            "as you edit it; inline event handlers (onload=…) and style attributes are "
            "blocked, and scripts or beacons from another host work only once that host is in "
            "the site's Content-Security-Policy."
        )
    )
    enabled = models.BooleanField(default=True)

    class Meta:
        # The table was created when snippets lived in the project package; keeping its
        # name kept every row when the model moved here (migrations/0002_snippet.py).
        db_table = "newsroom_snippet"
        ordering = ["position", "name"]
        verbose_name = _("third-party snippet")

    def __str__(self):
        return self.name

    def csp_sources(self) -> dict[str, tuple[str, ...]]:
        """The hashes that let its inline code run: {"script-src": ("'sha256-…'",), …}."""
        return snippets.inline_sources(self.code)


class BannerTextManager(models.Manager):
    CACHE_KEY = "consent:banner-message"
    CACHE_SECONDS = 60 * 60

    def message(self) -> str:
        """The banner's message, cached site-wide (signals.py forgets it on every save)."""

        def load():
            row = self.filter(pk=BannerText.SINGLETON_PK).first()
            return row.message if row else BannerText.DEFAULT_MESSAGE

        return cache.get_or_set(self.CACHE_KEY, load, timeout=self.CACHE_SECONDS)

    def forget(self) -> None:
        cache.delete(self.CACHE_KEY)


class BannerText(models.Model):
    """The cookie banner's wording: one row, created by a migration, edited in the admin."""

    SINGLETON_PK = 1
    DEFAULT_MESSAGE = (
        "This website sets optional cookies only if you accept them: functional cookies "
        "remember your details for the comment form, and analytics cookies count visits. "
        "Until you choose, and if you opt out, it uses only the cookies it needs to work. "
        "You can change your choice at any time in Cookie settings."
    )

    message = models.TextField(
        _("message"),
        max_length=600,
        default=DEFAULT_MESSAGE,
        help_text=_(
            "What the banner tells every visitor who has not chosen yet, above its Accept, "
            "Opt out and Read More buttons. Say which cookies the site sets and why, in plain "
            "text; changes show on the site at once."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = BannerTextManager()

    class Meta:
        verbose_name = _("cookie banner text")
        verbose_name_plural = _("cookie banner text")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="banner_text_single_row"),
        ]

    def __str__(self):
        return str(_("Cookie banner text"))

    def save(self, *args, **kwargs):
        # There is only ever one banner: every save writes the same row.
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)
