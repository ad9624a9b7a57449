"""
Generate benchmark content: python -m bench.generate --articles 2000 --comments 5000.

Everything it writes is marked (slugs start with "bench-", images carry BENCH_CREDIT,
comments belong to generated articles), so --reset removes exactly the generated data and
nothing an editor or a reader wrote. Articles, their many-to-many rows and comments go in
with bulk_create; a small pool of images, made once through the real image pipeline, is
shared by all articles.
"""

import argparse
import os
import random
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timedelta

PREFIX = "bench-"
BENCH_CREDIT = "Newsroom bench generator"
BATCH_SIZE = 500
# The article the benchmarks read and comment on, shaped like a busy story of a news site:
# eight paragraphs, a "See also" box after the third, seven tags (so "You may also like" has
# its six cards) and SHOWCASE_COMMENTS approved comments in threads, 40% of them replies, up
# to COMMENTS_MAX_DEPTH levels deep, all on the first page.
SHOWCASE_SLUG = f"{PREFIX}showcase-ministers-meet-in-stockholm"
SHOWCASE_COMMENTS = 50
SHOWCASE_REPLY_SHARE = 0.4
SHOWCASE_TAGS = 7

SECTIONS = [
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Culture",
    "Sport",
    "Opinion",
]
TAG_NAMES = [
    "Elections",
    "Climate",
    "Energy",
    "Housing",
    "Health",
    "Education",
    "Transport",
    "Trade",
    "Inflation",
    "Labour",
    "Courts",
    "Diplomacy",
    "Migration",
    "Agriculture",
    "Space",
    "Artificial intelligence",
    "Privacy",
    "Football",
    "Tennis",
    "Cycling",
    "Music",
    "Film",
    "Books",
    "Theatre",
    "Weather",
    "Oceans",
    "Banking",
    "Startups",
    "Cities",
    "Defence",
]
FIRST_NAMES = ["Ana", "Ben", "Chloé", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
LAST_NAMES = ["Almeida", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad"]
ROLES = ["Reporter", "Europe correspondent", "Economics editor", "Science writer", "Columnist"]
FILLER = (
    "the minister said on tuesday that talks would resume next week after a long night of "
    "negotiations in the capital where officials from both sides met behind closed doors "
    "to discuss a budget plan that critics describe as too cautious while supporters argue "
    "it protects public services households and small businesses from rising costs energy "
    "prices have fallen since the winter but remain well above their average of the past "
    "decade according to figures published by the national statistics office this morning "
    "analysts expect the central bank to hold interest rates steady until the summer "
    "residents of the coastal town gathered at the harbour to watch the new ferry arrive "
    "researchers found that the project had cut emissions by a third in two years and "
    "the council will vote on the proposal in march opposition leaders called for an "
    "inquiry into how the contract was awarded and whether rules were followed"
)
WORDS = FILLER.split()
PALETTES = [
    ("#1d3557", "#a8dadc"),
    ("#2b2d42", "#edf2f4"),
    ("#283618", "#dda15e"),
    ("#3d0e61", "#f4a261"),
    ("#003049", "#fcbf49"),
]
MOTIFS = ["skyline", "podium", "chart", "circuit", "waves", "mountains", "stage", "orbit"]


def setup_django() -> None:
    """Configure Django from the environment (DATABASE_URL, DJANGO_* variables)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int = 80) -> str:
    """About `words` words, in sentences of 10 to 20 words."""
    sentences = []
    remaining = words
    while remaining > 0:
        length = min(remaining, rng.randint(10, 20))
        sentences.append(sentence(rng, length))
        remaining -= length
    return " ".join(sentences)


def body(rng: random.Random, paragraphs: int = 5) -> str:
    return "\n".join(f"<p>{paragraph(rng)}</p>" for _ in range(paragraphs))


def headline(rng: random.Random) -> str:
    return sentence(rng, rng.randint(6, 11)).rstrip(".").capitalize()


def slugify_title(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title)[:150].strip("-")


def ensure_sections() -> list:
    from articles.models import Section

    sections = []
    for position, name in enumerate(SECTIONS, start=100):
        slug = f"{PREFIX}{name.lower()}"
        section, _ = Section.objects.get_or_create(
            slug=slug,
            defaults={"name": f"{name} (bench)", "position": position},
        )
        sections.append(section)
    return sections


def ensure_tags() -> list:
    from articles.models import Tag

    return [
        Tag.objects.get_or_create(
            slug=f"{PREFIX}{slugify_title(name)}", defaults={"name": f"{name} (bench)"}
        )[0]
        for name in TAG_NAMES
    ]


def ensure_authors(rng: random.Random, count: int, photos: Sequence) -> list:
    from articles.models import Author

    authors = []
    for n in range(count):
        name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[n % len(LAST_NAMES)]}"
        author, _ = Author.objects.get_or_create(
            slug=f"{PREFIX}author-{n + 1}",
            defaults={
                "display_name": name,
                "role": rng.choice(ROLES),
                "bio": paragraph(rng, 40),
                "photo": photos[n % len(photos)] if photos else None,
            },
        )
        authors.append(author)
    return authors


def picture_bytes(n: int) -> bytes:
    from demo import demo_images

    return demo_images.draw(PALETTES[n % len(PALETTES)], MOTIFS[n % len(MOTIFS)], seed=f"bench{n}")


def ensure_images(rng: random.Random, count: int) -> list:
    """A pool of `count` images, made through the real pipeline (renditions included)."""
    from django.core.files.base import ContentFile

    from articles import services
    from articles.models import Image

    pool = list(Image.objects.filter(credit=BENCH_CREDIT).order_by("pk")[:count])
    for n in range(len(pool), count):
        image = Image(
            alt_text=f"Illustration {n + 1}: {sentence(rng, 6).rstrip('.')}",
            caption=sentence(rng, 12),
            credit=BENCH_CREDIT,
        )
        upload = ContentFile(picture_bytes(n), name=f"bench-{n + 1}.jpg")
        pool.append(services.store_image(image=image, upload=upload))
    return pool


def next_index() -> int:
    """One past the highest number in the generated slugs ("bench-000123-...")."""
    from articles.models import Article

    numbers = [
        int(slug[len(PREFIX) :].split("-", 1)[0])
        for slug in Article.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)
        if slug[len(PREFIX) :].split("-", 1)[0].isdigit()
    ]
    return max(numbers, default=0) + 1


def build_article(rng: random.Random, number: int, now: datetime, sections, images):
    from articles.models import Article

    title = headline(rng)
    return Article(
        title=title,
        slug=f"{PREFIX}{number:06d}-{slugify_title(title)}"[:200],
        standfirst=sentence(rng, rng.randint(18, 30)),
        body=body(rng),
        section=rng.choice(sections),
        featured_image=rng.choice(images),
        source=rng.choice(["", "", "With agencies."]),
        status=Article.Status.PUBLISHED,
        # Spread over the past year; never in the future, so every one is visible.
        published_at=now - timedelta(minutes=rng.randint(5, 365 * 24 * 60)),
        comments_open=True,
    )


def saved_pks(articles: list) -> list[int]:
    """Primary keys after bulk_create, read back by slug where the backend returns none."""
    from articles.models import Article

    if all(article.pk for article in articles):
        return [article.pk for article in articles]
    by_slug = dict(
        Article.objects.filter(slug__in=[a.slug for a in articles]).values_list("slug", "pk")
    )
    return [by_slug[article.slug] for article in articles]


def link_rows(rng: random.Random, pks: list[int], authors, tags) -> tuple[list, list]:
    from articles.models import Article

    AuthorLink, TagLink = Article.authors.through, Article.tags.through
    author_rows, tag_rows = [], []
    for pk in pks:
        author_rows.extend(
            AuthorLink(article_id=pk, author_id=a.pk)
            for a in rng.sample(authors, rng.choice([1, 1, 1, 2, 2, 3]))
        )
        tag_rows.extend(
            TagLink(article_id=pk, tag_id=t.pk) for t in rng.sample(tags, rng.randint(2, 5))
        )
    return author_rows, tag_rows


def create_articles(rng: random.Random, count: int, sections, authors, tags, images) -> int:
    from django.utils import timezone

    from articles.models import Article

    now = timezone.now()
    start = next_index()
    for first in range(0, count, BATCH_SIZE):
        batch = [
            build_article(rng, start + n, now, sections, images)
            for n in range(first, min(first + BATCH_SIZE, count))
        ]
        Article.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        author_rows, tag_rows = link_rows(rng, saved_pks(batch), authors, tags)
        Article.authors.through.objects.bulk_create(author_rows, batch_size=BATCH_SIZE)
        Article.tags.through.objects.bulk_create(tag_rows, batch_size=BATCH_SIZE)
    return count


def commented_articles(share: float = 0.1) -> list[tuple[int, datetime]]:
    """(pk, published_at) of the newest generated articles: the ones readers comment on."""
    from articles.models import Article

    generated = Article.objects.published().filter(slug__startswith=PREFIX)
    newest = max(1, round(generated.count() * share))
    return list(generated.order_by("-published_at").values_list("pk", "published_at")[:newest])


def build_comment(rng: random.Random, article_id: int, after: datetime, now: datetime, **links):
    """An approved comment written between `after` and now (within three days of it)."""
    from articles.models import Article
    from comments.models import Comment
    from comments.services.posting import content_hash

    span = max(int(min((now - after).total_seconds(), 3 * 86400)), 1)
    n = rng.randrange(1_000_000)
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)[0]}."
    email = f"reader{n}@example.com"
    content = " ".join(sentence(rng, rng.randint(8, 24)) for _ in range(rng.randint(1, 3)))
    return Comment(
        article_id=article_id,
        author_name=name,
        author_email=email,
        content=content,
        status=Comment.Status.APPROVED,
        verdict=Comment.Verdict.HAM,
        checked_at=now,
        content_hash=content_hash(article=Article(pk=article_id), email=email, content=content),
        created_at=after + timedelta(seconds=rng.randint(1, span)),
        **links,
    )


def bulk_create_comments(comments: list) -> list:
    from comments.models import Comment

    Comment.objects.bulk_create(comments, batch_size=BATCH_SIZE)
    if not all(comment.pk for comment in comments):
        raise RuntimeError("This database does not return the keys of bulk-created rows.")
    return comments


def create_comments(rng: random.Random, count: int) -> int:
    """
    `count` approved comments on the newest tenth of the generated articles: 70% start a
    thread, 20% answer one of those, 10% answer an answer.
    """
    from django.db.models import F
    from django.utils import timezone

    from articles.models import Article
    from comments.counts import recount
    from comments.models import Comment

    articles = commented_articles()
    if not count or not articles:
        return 0
    now = timezone.now()
    starters = max(1, round(count * 0.7))
    answers = round(count * 0.2)
    threads = bulk_create_comments(
        [build_comment(rng, *rng.choice(articles), now) for _ in range(starters)]
    )
    Comment.objects.filter(pk__in=[c.pk for c in threads]).update(thread=F("pk"))
    level = threads
    for depth, size in ((1, answers), (2, count - starters - answers)):
        if size <= 0:
            break
        parents = [rng.choice(level) for _ in range(size)]
        level = bulk_create_comments(
            [
                build_comment(
                    rng,
                    parent.article_id,
                    parent.created_at,
                    now,
                    parent=parent,
                    thread_id=parent.thread_id or parent.pk,
                    depth=depth,
                )
                for parent in parents
            ]
        )
    # bulk_create sends no signal: store the counts the cards show, as the site would.
    recount(Article.objects.filter(pk__in={pk for pk, _ in articles}))
    return count


def analyze() -> None:
    """
    Refresh the planner's statistics, as autovacuum would do a little later. On PostgreSQL
    also VACUUM: the search triggers rewrite every article that bulk_create linked, and the
    dead row versions would slow the first minutes of reads.
    """
    from django.db import connection

    from articles.models import Article, Author, Image, Section, Tag
    from comments.models import Comment

    models = [Article, Article.authors.through, Article.tags.through, Author, Image, Section, Tag]
    models.append(Comment)
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


def reset() -> int:
    """Delete the generated rows and the generated images' files; return the articles deleted."""
    from django.db import transaction

    from articles import images
    from articles.models import Article, Author, Image, Section, Tag

    articles = Article.objects.filter(slug__startswith=PREFIX)
    deleted = articles.count()
    articles.delete()
    Author.objects.filter(slug__startswith=PREFIX).delete()
    Tag.objects.filter(slug__startswith=PREFIX).delete()
    Section.objects.filter(slug__startswith=PREFIX).delete()
    pool = Image.objects.filter(credit=BENCH_CREDIT)
    files = [name for image in pool for name in image_files(image)]
    pool.delete()
    transaction.on_commit(lambda: images.delete_files(files))
    return deleted


def image_files(image) -> list[str]:
    return [image.file.name, *(r["name"] for r in image.renditions)]


def generated_count() -> int:
    """How many generated articles readers can see, the showcase article not counted."""
    from articles.models import Article

    return (
        Article.objects.published()
        .filter(slug__startswith=PREFIX)
        .exclude(slug=SHOWCASE_SLUG)
        .count()
    )


def generated_comment_count() -> int:
    """Approved comments on the generated articles, the showcase article's not counted."""
    from comments.models import Comment

    return (
        Comment.objects.approved()
        .filter(article__slug__startswith=PREFIX)
        .exclude(article__slug=SHOWCASE_SLUG)
        .count()
    )


def showcase_is_complete(article) -> bool:
    from comments.models import Comment

    return (
        article.is_published
        and article.featured_image_id is not None
        and article.see_also_links.exists()
        and article.tags.count() == SHOWCASE_TAGS
        and Comment.objects.approved().filter(article=article).count() == SHOWCASE_COMMENTS
        and not Comment.objects.filter(article=article).exclude(status="approved").exists()
    )


def ensure_showcase(seed: int = 1):
    """
    The showcase article (SHOWCASE_SLUG), made again unless it is complete: published an
    hour ago (comments open, first on the home page), with its "See also" link and its
    threaded comments. Needs the generated articles, tags and images to be there.
    """
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article, Author, Image, Section, SeeAlso, Tag

    current = Article.objects.filter(slug=SHOWCASE_SLUG).first()
    if current is not None and showcase_is_complete(current):
        return current
    rng = random.Random(f"{seed}-showcase")
    with transaction.atomic():
        Article.objects.filter(slug=SHOWCASE_SLUG).delete()
        section = Section.objects.get(slug=f"{PREFIX}world")
        target = (
            Article.objects.published()
            .filter(slug__startswith=PREFIX, section=section)
            .order_by("-published_at")
            .first()
        )
        if target is None:
            raise RuntimeError("No generated article to link to: generate the articles first.")
        now = timezone.now()
        article = Article.objects.create(
            title="Ministers meet in Stockholm as the security talks resume",
            slug=SHOWCASE_SLUG,
            standfirst=sentence(rng, 28),
            body=body(rng, paragraphs=8),
            section=section,
            featured_image=Image.objects.filter(credit=BENCH_CREDIT).order_by("pk").first(),
            source="With agencies.",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=1),
            comments_open=True,
        )
        article.authors.set([Author.objects.filter(slug__startswith=PREFIX).order_by("pk")[0]])
        tags = list(Tag.objects.filter(slug__startswith=PREFIX).order_by("pk"))
        article.tags.set(rng.sample(tags, SHOWCASE_TAGS))
        SeeAlso.objects.create(article=article, target=target, after_paragraph=3)
        create_thread_comments(rng, article, now)
    return article


def create_thread_comments(rng: random.Random, article, now: datetime) -> None:
    """SHOWCASE_COMMENTS approved comments, saved one by one so the model derives threads."""
    from django.conf import settings

    deepest_parent = settings.COMMENTS_MAX_DEPTH - 2
    written = []
    moment = article.published_at
    for _ in range(SHOWCASE_COMMENTS):
        moment = min(moment + timedelta(seconds=rng.randint(20, 90)), now)
        parents = [c for c in written if c.depth <= deepest_parent]
        parent = rng.choice(parents) if parents and rng.random() < SHOWCASE_REPLY_SHARE else None
        comment = build_comment(rng, article.pk, moment, now, parent=parent)
        comment.created_at = moment
        comment.save()
        written.append(comment)


def generate(
    articles: int,
    *,
    comments: int = 0,
    reset_first: bool = False,
    images: int = 20,
    authors: int = 25,
    seed: int = 1,
) -> dict:
    """Create published articles and comments (after deleting earlier ones with reset_first)."""
    from django.db import transaction

    started = time.perf_counter()
    with transaction.atomic():
        deleted = reset() if reset_first else 0
    # Images write files: keep them out of the article transaction so a failure there
    # does not leave files behind for rows that were rolled back.
    pool = ensure_images(random.Random(f"{seed}-images"), images)
    rng = random.Random(f"{seed}-articles")
    with transaction.atomic():
        sections = ensure_sections()
        tags = ensure_tags()
        people = ensure_authors(rng, authors, pool)
        created = create_articles(rng, articles, sections, people, tags, pool)
        commented = create_comments(rng, comments)
    ensure_showcase(seed)
    analyze()
    return {
        "deleted": deleted,
        "created": created,
        "comments": commented,
        "images": len(pool),
        "seconds": round(time.perf_counter() - started, 2),
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Create published articles (with images, tags, authors, sections).",
    )
    parser.add_argument("--articles", type=int, default=2000, help="how many (default 2000)")
    parser.add_argument(
        "--comments",
        type=int,
        default=0,
        help="approved comments, spread over the newest tenth of the articles (default 0)",
    )
    parser.add_argument(
        "--reset", action="store_true", help="delete previously generated data first"
    )
    parser.add_argument("--images", type=int, default=20, help="size of the shared image pool")
    parser.add_argument("--authors", type=int, default=25, help="how many bylines to share")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    args = parser.parse_args(argv)
    if args.articles < 0 or args.comments < 0 or args.images < 1 or args.authors < 3:
        parser.error("--articles and --comments must be >= 0, --images >= 1, --authors >= 3")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    setup_django()
    result = generate(
        args.articles,
        comments=args.comments,
        reset_first=args.reset,
        images=args.images,
        authors=args.authors,
        seed=args.seed,
    )
    sys.stdout.write(
        f"Deleted {result['deleted']} and created {result['created']} articles "
        f"({result['images']} shared images) and {result['comments']} comments in "
        f"{result['seconds']} s; {generated_count()} generated articles are published, with "
        f"{generated_comment_count()} comments.\n"
    )


if __name__ == "__main__":
    main()
