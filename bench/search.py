"""
Time full-text search on 100,000 articles in PostgreSQL: python -m bench.search.

Steps: create the database newsroom_bench100k if missing and migrate it; generate articles
with bench.generate until 100,000 generated ones are published (kept between runs); run a mix
of queries a news site's readers type, each through the real search code (articles.search:
the ranking, then the page's articles with their highlighted snippets, as the results page
does), a number of rounds in shuffled order after one warm-up round; print p50/p95/p99 overall
and per query, the plans of a few queries (EXPLAIN ANALYZE) with --explain, and save the
numbers as JSON in bench/results/. --pages also times the whole results page in-process
(Django's test client: middleware, view and templates).
"""

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import generate
from bench.run import ensure_database

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench100k"
SECRET_KEY = "bench-only-secret-key-never-used-in-production-0b5e7d1c3a9f4862"
HOST = "127.0.0.1"
TARGET = 50.0  # ms, at the 95th percentile

# What readers type, in the generator's vocabulary (its headlines and bodies draw on about
# 180 words, its tags and bylines on fixed lists): (label, words, filters).
QUERIES = [
    ("word", "budget", {}),
    ("word", "minister", {}),
    ("word", "ferry", {}),
    ("word", "emissions", {}),
    ("words", "energy prices", {}),
    ("words", "council vote proposal", {}),
    ("words", "harbour residents ferry", {}),
    ("tag", "climate", {}),
    ("tag", "elections", {}),
    ("tag", "artificial intelligence", {}),
    ("tag", "football", {}),
    ("author", "Almeida", {}),
    ("author", "Farid Fischer", {}),
    ("phrase", '"interest rates"', {}),
    ("phrase", '"public services"', {}),
    ("operators", "budget -council", {}),
    ("operators", "tennis or cycling", {}),
    ("section", "budget", {"section": "bench-business"}),
    ("dates", "energy", {"days": 30}),
    ("section+dates", "minister", {"section": "bench-politics", "days": 90}),
    ("no match", "zeppelin", {}),
    ("no match", "quantum computing", {}),
    ("junk", "'; DROP TABLE articles_article; --", {}),
    ("junk", "!!! ???", {}),
]
# Plans shown with --explain: a common word, two tags (one word, two words), a phrase, no match.
EXPLAINED = ["budget", "climate", "artificial intelligence", '"interest rates"', "zeppelin"]


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def environment(database_url: str) -> dict[str, str]:
    """Production settings, on the benchmark database."""
    return {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        # The images' files live with bench.run's, next to the rows that name them.
        "DJANGO_MEDIA_ROOT": os.environ.get(
            "DJANGO_MEDIA_ROOT", str(Path("/tmp") / "newsroom-bench-media")
        ),
    }


def prepare(args: argparse.Namespace) -> None:
    from django.core.management import call_command

    say("Migrating.")
    call_command("migrate", interactive=False, verbosity=0)
    present = generate.generated_count()
    if args.regenerate or present > args.articles:
        say(f"Generating {args.articles} articles ({present} there now).")
        result = generate.generate(args.articles, reset_first=True)
    elif present < args.articles:
        say(f"Generating {args.articles - present} articles ({present} there now).")
        result = generate.generate(args.articles - present)
    else:
        say(f"Using the {present} generated articles there.")
        return
    say(f"Generated in {result['seconds']} s.")


@dataclass
class Case:
    label: str
    text: str
    filters: dict
    search_ms: list[float] = field(default_factory=list)
    page_ms: list[float] = field(default_factory=list)
    results: int = 0
    more: bool = False

    @property
    def name(self) -> str:
        extra = ", ".join(f"{key}={value}" for key, value in self.filters.items())
        return f"{self.text}" + (f" [{extra}]" if extra else "")

    def criteria(self):
        from django.utils import timezone

        from articles import search
        from articles.models import Section

        section = self.filters.get("section")
        days = self.filters.get("days")
        return search.Criteria(
            text=self.text,
            section=Section.objects.get(slug=section) if section else None,
            since=timezone.localdate() - timedelta(days=days) if days else None,
        )

    def query_string(self) -> dict[str, str]:
        from django.utils import timezone

        params = {"q": self.text}
        if "section" in self.filters:
            params["section"] = self.filters["section"]
        if "days" in self.filters:
            since = timezone.localdate() - timedelta(days=self.filters["days"])
            params["since"] = since.isoformat()
        return params


def run_search(case: Case, criteria) -> float:
    """One search as the results page makes it: the ranking, then page 1's articles."""
    from django.conf import settings

    from articles import search

    started = time.perf_counter()
    ranking = search.rank(criteria)
    articles = search.page_articles(ranking.ids[: settings.NEWSROOM_PAGE_SIZE], criteria)
    elapsed = (time.perf_counter() - started) * 1000
    case.results, case.more = len(ranking.ids), ranking.more
    assert len(articles) == min(len(ranking.ids), settings.NEWSROOM_PAGE_SIZE)
    return elapsed


def run_page(client, case: Case) -> float:
    started = time.perf_counter()
    response = client.get("/search/", case.query_string())
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"/search/ {case.query_string()} answered {response.status_code}")
    return elapsed


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(values, 0.50), 2),
        "p95_ms": round(percentile(values, 0.95), 2),
        "p99_ms": round(percentile(values, 0.99), 2),
        "mean_ms": round(statistics.fmean(values), 2),
        "max_ms": round(max(values), 2),
        "samples": len(values),
    }


def explain(text: str) -> list[str]:
    """EXPLAIN ANALYZE of the ranking query the search runs for `text`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import search

    with CaptureQueriesContext(connection) as captured:
        search.rank(search.Criteria(text=text))
    (query,) = captured.captured_queries
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
        return [row[0] for row in cursor.fetchall()]


def code_version() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
        return head + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search",
        description="Time full-text search on a large generated PostgreSQL database.",
    )
    parser.add_argument("--articles", type=int, default=100_000, help="generated articles")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--rounds", type=int, default=20, help="times each query is timed")
    parser.add_argument("--regenerate", action="store_true", help="generate the articles again")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE plans")
    parser.add_argument("--pages", action="store_true", help="also time the whole page")
    parser.add_argument("--seed", type=int, default=1, help="order of the queries")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The search benchmark measures PostgreSQL: give a postgres:// URL.")
    ensure_database(args.database_url)
    os.environ.update(environment(args.database_url))
    generate.setup_django()
    prepare(args)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    # Pages are rendered in-process without collectstatic: plain storage for static URLs.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES=settings.STORAGES | {"staticfiles": static}).enable()
    client = Client(HTTP_HOST=HOST)
    cases = [Case(label, text, filters) for label, text, filters in QUERIES]
    criteria = {id(case): case.criteria() for case in cases}
    say(f"Warming up, then {args.rounds} rounds of {len(cases)} queries.")
    for case in cases:
        run_search(case, criteria[id(case)])
        if args.pages:
            run_page(client, case)
    order = random.Random(args.seed)
    for _ in range(args.rounds):
        for case in order.sample(cases, len(cases)):
            case.search_ms.append(run_search(case, criteria[id(case)]))
            if args.pages:
                case.page_ms.append(run_page(client, case))

    overall = summary([ms for case in cases for ms in case.search_ms])
    say()
    say(f"{'query':46} {'found':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for case in cases:
        found = f"{case.results}{'+' if case.more else ''}"
        numbers = summary(case.search_ms)
        say(
            f"{case.name[:46]:46} {found:>6} {numbers['p50_ms']:7.1f} "
            f"{numbers['p95_ms']:7.1f} {numbers['max_ms']:7.1f}"
        )
    say()
    say(
        f"Search ({overall['samples']} searches on {generate.generated_count()} articles): "
        f"p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms, p99 {overall['p99_ms']} ms "
        f"(target: p95 under {TARGET:.0f} ms: {'met' if overall['p95_ms'] < TARGET else 'MISSED'})"
    )
    pages = None
    if args.pages:
        pages = summary([ms for case in cases for ms in case.page_ms])
        say(
            f"Whole results page, in-process: p50 {pages['p50_ms']} ms, "
            f"p95 {pages['p95_ms']} ms, p99 {pages['p99_ms']} ms"
        )
    plans = {}
    if args.explain:
        for text in EXPLAINED:
            plans[text] = explain(text)
            say()
            say(f"EXPLAIN ANALYZE, ranking query for {text}:")
            for line in plans[text]:
                say("  " + line)

    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"search-{stamp}.json"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (server,) = cursor.fetchone()
        cursor.execute("SHOW shared_buffers")
        (shared_buffers,) = cursor.fetchone()
    path.write_text(
        json.dumps(
            {
                "when": stamp,
                "code": code_version(),
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
                "postgresql": server,
                "shared_buffers": shared_buffers,
                "articles": generate.generated_count(),
                "rounds": args.rounds,
                "search": overall,
                "page": pages,
                "queries": [
                    {
                        "label": case.label,
                        "query": case.name,
                        "results": case.results,
                        "more": case.more,
                        "search": summary(case.search_ms),
                        "page": summary(case.page_ms) if case.page_ms else None,
                    }
                    for case in cases
                ],
                "plans": plans,
            },
            indent=2,
        )
    )
    say()
    say(f"Saved {path.relative_to(BENCH_DIR.parent)}")


if __name__ == "__main__":
    main()
