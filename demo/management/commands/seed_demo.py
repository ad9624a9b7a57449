from datetime import timedelta

from cookie_consent.models import CookieGroup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import services
from articles.models import Article, Author, Image, RelatedPick, Section, SeeAlso, Tag
from comments.models import Comment
from comments.services.posting import content_hash
from consent.models import Snippet
from demo import content, demo_images

DEMO_PASSWORD = "newsroom-demo-password"


class Command(BaseCommand):
    help = (
        "Load demo content: sections, tags, journalists, a moderator, an administrator, "
        'about 40 illustrated articles with comments, a "See also" link, an editor\'s pick '
        "and an analytics snippet. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password for the demo accounts (default: a fixed demo password, debug only).",
        )

    def handle(self, *args, password=None, **options):
        if password is None:
            if not settings.DEBUG:
                raise CommandError(
                    "Refusing to create demo accounts with a known password while debug is off. "
                    "Pass --password, or run with DJANGO_DEBUG=1."
                )
            password = DEMO_PASSWORD
        try:
            site, articles = content.site(), content.articles()
        except content.ContentError as error:
            raise CommandError(f"Demo content: {error}") from error
        now = timezone.now()

        with transaction.atomic():
            sections = self.seed_sections(site["sections"])
            authors = self.seed_people(site, password)
            created = 0
            for entry in articles:
                status, published_at = self.when(entry, now)
                created += self.seed_article(entry, sections, authors, status, published_at)
            self.seed_comments(site["comments"])
            self.seed_links(site["see_also"], site["editors_picks"])
            self.seed_snippets(site["snippets"])

        total, published = Article.objects.count(), Article.objects.published().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {created} new articles, {total} in all "
                f"({published} published)."
            )
        )
        self.stdout.write(f"Admin login: user 'admin', password '{password}'.")
        names = ", ".join(journalist["username"] for journalist in site["journalists"])
        self.stdout.write(
            f"Journalists: {names}; moderator: {site['moderator']['username']} (same password)."
        )

    @staticmethod
    def when(entry, now):
        """An article's status and publication time, from its front matter."""
        if entry.get("draft"):
            return Article.Status.DRAFT, None
        if "hours_ahead" in entry:
            return Article.Status.PUBLISHED, now + timedelta(hours=entry["hours_ahead"])
        published_at = (now - timedelta(days=entry["days_ago"])).replace(
            hour=entry["hour"],
            minute=(len(entry["slug"]) * 7) % 60,
            second=0,
            microsecond=0,
        )
        return Article.Status.PUBLISHED, min(published_at, now - timedelta(minutes=5))

    def seed_comments(self, discussions: dict[str, list[dict]]) -> None:
        """Short discussions, each with a comment awaiting moderation; once per article."""
        for slug, comments in discussions.items():
            article = Article.objects.get(slug=slug)
            if not article.comments.exists():
                self.seed_discussion(article, comments)

    def seed_discussion(self, article: Article, comments: list[dict]) -> None:
        created: list[Comment] = []
        for offset, entry in enumerate(comments):
            # reply_to: the index of the comment answered, in the same list.
            parent = created[entry["reply_to"]] if entry["reply_to"] is not None else None
            approved = entry["status"] == Comment.Status.APPROVED
            comment = Comment.objects.create(
                article=article,
                parent=parent,
                author_name=entry["name"],
                author_email=entry["email"],
                content=entry["text"],
                status=entry["status"],
                verdict=Comment.Verdict.HAM if approved else Comment.Verdict.UNCHECKED,
                held_reason="" if approved else Comment.HeldReason.UNCHECKED,
                content_hash=content_hash(
                    article=article, email=entry["email"], content=entry["text"]
                ),
                created_at=article.published_at + timedelta(hours=2 + offset),
            )
            created.append(comment)

    def seed_links(self, see_also: list[dict], picks: list[dict]) -> None:
        """Hand-placed "See also" boxes and editor's picks for "You may also like"."""
        articles = Article.objects.in_bulk(
            [link[end] for link in see_also + picks for end in ("article", "target")],
            field_name="slug",
        )
        for link in see_also:
            SeeAlso.objects.get_or_create(
                article=articles[link["article"]],
                target=articles[link["target"]],
                defaults={"after_paragraph": link.get("after_paragraph")},
            )
        for position, pick in enumerate(picks):
            RelatedPick.objects.get_or_create(
                article=articles[pick["article"]],
                target=articles[pick["target"]],
                defaults={"position": position},
            )

    def seed_snippets(self, snippets: list[dict]) -> None:
        """Third-party code gated by a cookie group, as a site admin would paste it."""
        for snippet in snippets:
            Snippet.objects.get_or_create(
                name=snippet["name"],
                defaults={
                    "cookie_group": CookieGroup.objects.get(varname=snippet["cookie_group"]),
                    "position": snippet["position"],
                    "code": snippet["code"],
                },
            )

    def seed_sections(self, entries: list[dict]) -> dict[str, Section]:
        sections = {}
        for position, entry in enumerate(entries):
            sections[entry["slug"]], _ = Section.objects.update_or_create(
                slug=entry["slug"],
                defaults={
                    "name": entry["name"],
                    "description": entry["description"],
                    "position": position,
                },
            )
        return sections

    def seed_people(self, site: dict, password: str) -> dict[str, Author]:
        User = get_user_model()
        journalists = Group.objects.get(name="Journalists")
        moderators = Group.objects.get(name="Moderators")

        admin = User.objects.filter(username="admin").first() or User(username="admin")
        admin.email = admin.email or "admin@example.com"
        admin.is_staff = admin.is_superuser = True
        admin.set_password(password)
        admin.save()

        authors = {}
        for entry in site["journalists"]:
            user = User.objects.filter(username=entry["username"]).first() or User(
                username=entry["username"]
            )
            first, _, last = entry["display_name"].partition(" ")
            user.first_name, user.last_name = first, last
            user.email = f"{entry['username']}@example.com"
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.add(journalists)
            authors[entry["key"]], _ = Author.objects.update_or_create(
                slug=slugify(entry["display_name"]),
                defaults={
                    "user": user,
                    "display_name": entry["display_name"],
                    "role": entry["role"],
                    "bio": entry["bio"],
                },
            )

        entry = site["moderator"]
        moderator = User.objects.filter(username=entry["username"]).first() or User(
            username=entry["username"]
        )
        moderator.first_name = entry["display_name"]
        moderator.email = f"{moderator.username}@example.com"
        moderator.is_staff = True
        moderator.set_password(password)
        moderator.save()
        moderator.groups.add(moderators)
        return authors

    def seed_article(self, entry, sections, authors, status, published_at) -> int:
        if Article.objects.filter(slug=entry["slug"]).exists():
            return 0
        article = Article.objects.create(
            title=entry["title"],
            slug=entry["slug"],
            standfirst=entry["standfirst"],
            body=entry["body"],
            section=sections[entry["section"]],
            source=entry.get("source", ""),
            status=status,
            published_at=published_at,
            featured_image=self.seed_image(entry),
        )
        article.authors.set([authors[key] for key in entry["authors"]])
        article.tags.set(
            [
                Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
                for name in entry["tags"]
            ]
        )
        return 1

    def seed_image(self, entry) -> Image:
        spec = entry["image"]
        upload = ContentFile(
            demo_images.draw(tuple(spec["palette"]), spec["motif"], seed=entry["slug"]),
            name=f"{entry['slug']}.jpg",
        )
        image = Image(alt_text=spec["alt"], caption=spec["caption"], credit=spec["credit"])
        return services.store_image(image=image, upload=upload)
