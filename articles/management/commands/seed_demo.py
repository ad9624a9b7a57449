from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from articles import demo_images, services
from articles.management.commands import _demo_content as content
from articles.models import Article, Author, Image, Section, Tag
from comments.models import Comment
from comments.services import content_hash

DEMO_PASSWORD = "newsroom-demo-password"


class Command(BaseCommand):
    help = (
        "Load demo content: sections, tags, journalists, a moderator, an administrator and "
        "about 40 illustrated articles. Safe to run again: nothing is duplicated."
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
        now = timezone.now()

        with transaction.atomic():
            sections = self.seed_sections()
            authors = self.seed_people(password)
            created = 0
            for entry in content.ARTICLES:
                published_at = (now - timedelta(days=entry["days_ago"])).replace(
                    hour=entry["hour"],
                    minute=(len(entry["slug"]) * 7) % 60,
                    second=0,
                    microsecond=0,
                )
                published_at = min(published_at, now - timedelta(minutes=5))
                created += self.seed_article(
                    entry, sections, authors, Article.Status.PUBLISHED, published_at
                )
            created += self.seed_article(
                content.DRAFT, sections, authors, Article.Status.DRAFT, None
            )
            scheduled_at = now + timedelta(hours=content.SCHEDULED["hours_ahead"])
            created += self.seed_article(
                content.SCHEDULED, sections, authors, Article.Status.PUBLISHED, scheduled_at
            )
            self.seed_comments()

        total, published = Article.objects.count(), Article.objects.published().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {created} new articles, {total} in all "
                f"({published} published)."
            )
        )
        self.stdout.write(f"Admin login: user 'admin', password '{password}'.")
        names = ", ".join(a["username"] for a in content.AUTHORS)
        self.stdout.write(
            f"Journalists: {names}; moderator: {content.MODERATOR['username']} (same password)."
        )

    def seed_comments(self) -> None:
        """A short discussion under the OSCE story, and one comment awaiting moderation."""
        article = Article.objects.get(slug="osce-stockholm-lavrov-warns-of-return-to-confrontation")
        if article.comments.exists():
            return
        created: list[Comment] = []
        for offset, (name, email, text, reply_to, status) in enumerate(DEMO_COMMENTS):
            parent = created[reply_to] if reply_to is not None else None
            comment = Comment.objects.create(
                article=article,
                parent=parent,
                depth=parent.depth + 1 if parent else 0,
                author_name=name,
                author_email=email,
                content=text,
                status=status,
                verdict=Comment.Verdict.HAM if status == "approved" else Comment.Verdict.UNCHECKED,
                held_reason="" if status == "approved" else Comment.HeldReason.UNCHECKED,
                content_hash=content_hash(article=article, email=email, content=text),
                created_at=article.published_at + timedelta(hours=2 + offset),
            )
            comment.thread = parent.thread if parent else comment
            comment.save(update_fields=["thread"])
            created.append(comment)

    def seed_sections(self) -> dict[str, Section]:
        sections = {}
        for position, (name, slug, description) in enumerate(content.SECTIONS):
            sections[slug], _ = Section.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "position": position}
            )
        return sections

    def seed_people(self, password: str) -> dict[str, Author]:
        User = get_user_model()
        journalists = Group.objects.get(name="Journalists")
        moderators = Group.objects.get(name="Moderators")

        admin = User.objects.filter(username="admin").first() or User(username="admin")
        admin.email = admin.email or "admin@example.com"
        admin.is_staff = admin.is_superuser = True
        admin.set_password(password)
        admin.save()

        authors = {}
        for entry in content.AUTHORS:
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

        moderator = User.objects.filter(username=content.MODERATOR["username"]).first() or User(
            username=content.MODERATOR["username"]
        )
        moderator.first_name = content.MODERATOR["display_name"]
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
            body=render_body(entry["body"]),
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
            demo_images.draw(spec["palette"], spec["motif"], seed=entry["slug"]),
            name=f"{entry['slug']}.jpg",
        )
        image = Image(alt_text=spec["alt"], caption=spec["caption"], credit=spec["credit"])
        return services.store_image(image=image, upload=upload)


DEMO_COMMENTS = [
    # (name, email, text, reply to the comment at this index, status)
    (
        "Erik Nilsson",
        "erik@example.com",
        "A sober account of the talks. The OSCE is one of the "
        "few rooms where both sides still sit down together.",
        None,
        "approved",
    ),
    (
        "Marta K.",
        "marta@example.com",
        "Sober, yes, but the warnings should worry everyone in the Baltic states.",
        0,
        "approved",
    ),
    (
        "Erik Nilsson",
        "erik@example.com",
        "Agreed. I only meant the reporting, not the news.",
        1,
        "approved",
    ),
    (
        "J. Hughes",
        "jhughes@example.com",
        "Would be good to see the full text of the speeches linked next time.",
        None,
        "approved",
    ),
    (
        "New reader",
        "first.timer@example.com",
        "First time commenting: is there a newsletter?",
        None,
        "pending",
    ),
]


def render_body(blocks: list[str]) -> str:
    """Plain paragraphs become <p>; blocks written as HTML pass through (and are sanitised)."""
    return "\n".join(
        block if block.lstrip().startswith("<") else f"<p>{escape(block)}</p>" for block in blocks
    )
