"""
"You may also like" at scale: python -m bench.related.

Fills a PostgreSQL database (newsroom_bench_related) with 100,000 published articles and
2,000 tags, each article carrying 2 to 5 tags drawn with a Zipf-like skew (a few tags on
thousands of articles, most on a handful, as on a real site), then times the automatic
choice of related articles (articles.related.compute_selection) for a sample of articles:

* cold: the cache is empty, so the tag frequencies are counted too;
* uncached choice: the tag frequencies are cached (they are kept an hour), the choice is not
  (what happens after any article is saved: every cached choice is dropped);
* cached: what a reader's request costs while the choice is cached.
"""

import argparse
import os
import random
import statistics
import time
from collections.abc import Sequence

from bench import generate
from bench.run import ensure_database, say

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench_related"
TAG_PREFIX = "rel-"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=300, help="articles timed")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


def retag(count: int, rng: random.Random) -> None:
    """Give every generated article 2-5 of `count` tags, with a Zipf-like skew."""
    from django.db import connection, transaction

    from articles.models import Article, Tag

    tags = Tag.objects.bulk_create(
        [Tag(name=f"Topic {n:04d}", slug=f"{TAG_PREFIX}{n:04d}") for n in range(count)],
        ignore_conflicts=True,
    )
    tags = list(Tag.objects.filter(slug__startswith=TAG_PREFIX).order_by("slug"))
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(tags))]
    through = Article.tags.through
    with transaction.atomic():
        through.objects.all().delete()
        batch = []
        for pk in Article.objects.values_list("pk", flat=True).iterator(chunk_size=5000):
            chosen = {t.pk for t in rng.choices(tags, weights=weights, k=rng.randint(2, 5))}
            batch.extend(through(article_id=pk, tag_id=tag_id) for tag_id in chosen)
            if len(batch) >= 20_000:
                through.objects.bulk_create(batch)
                batch = []
        through.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def prepare(args: argparse.Namespace) -> None:
    from django.core.management import call_command

    from articles.models import Article, Tag

    say("Migrating.")
    call_command("migrate", interactive=False, verbosity=0)
    present = generate.generated_count()
    if present < args.articles:
        say(f"Generating {args.articles - present} articles (once; kept for later runs).")
        generate.generate(articles=args.articles - present, seed=args.seed)
    if Tag.objects.filter(slug__startswith=TAG_PREFIX).count() != args.tags:
        say(f"Tagging {Article.objects.count()} articles with {args.tags} tags.")
        retag(args.tags, random.Random(args.seed))


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(share: float) -> float:
        return ordered[min(int(share * len(ordered)), len(ordered) - 1)]

    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(at(0.95), 2),
        "p99_ms": round(at(0.99), 2),
        "max_ms": round(ordered[-1], 2),
    }


def measure(args: argparse.Namespace) -> dict[str, dict[str, float]]:
    from django.core.cache import cache

    from articles import related
    from articles.models import Article

    rng = random.Random(args.seed)
    pks = list(Article.objects.published().values_list("pk", flat=True))
    sample = [
        Article.objects.prefetch_related("tags").get(pk=pk)
        for pk in rng.sample(pks, min(args.sample, len(pks)))
    ]
    results: dict[str, list[float]] = {"cold": [], "uncached choice": [], "cached": []}
    for article in sample:
        cache.clear()
        start = time.perf_counter()
        related.compute_selection(article)
        results["cold"].append((time.perf_counter() - start) * 1000)

        related.forget_selection(article)  # drops the cached choice, keeps the tag frequencies
        start = time.perf_counter()
        related.selection_for(article)
        results["uncached choice"].append((time.perf_counter() - start) * 1000)

        start = time.perf_counter()
        related.selection_for(article)
        results["cached"].append((time.perf_counter() - start) * 1000)
    return {name: percentiles(values) for name, values in results.items()}


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    ensure_database(args.database_url)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_SECRET_KEY": "bench-only-secret-key-related-articles-0000000000",
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "0",
            "DATABASE_URL": args.database_url,
        }
    )
    generate.setup_django()
    from articles.models import Article, Tag

    prepare(args)
    say(
        f"{Article.objects.published().count()} published articles, "
        f"{Tag.objects.filter(slug__startswith=TAG_PREFIX).count()} tags, "
        f"{Article.tags.through.objects.count()} tag links; timing {args.sample} articles."
    )
    for name, figures in measure(args).items():
        say(
            f"{name:>16}: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
            f"p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms"
        )


if __name__ == "__main__":
    main()
