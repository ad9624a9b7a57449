"""
Comment benchmarks: python -m bench.comments.

1. POST throughput: gunicorn (production settings, PostgreSQL) takes comment posts from wrk
   while a loopback Akismet answers every check after AKISMET_DELAY seconds. Every post has
   its own author, e-mail address and client address (through one trusted proxy), so rate
   limits and duplicate detection let them all through. At the end the rows are counted:
   every post answered 302 must be a stored comment.
2. Render time: in-process, the article page with 500 comments against the same page
   without any, both rendered N times; the difference divided by 500 is the cost of one
   rendered comment.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import generate
from bench.run import (
    DEFAULT_DATABASE_URL,
    Workers,
    bench_environment,
    ensure_database,
    ensure_wrk,
    gunicorn,
    run_wrk,
    say,
)

CSRF = "benchmarkcsrfsecret0123456789abc"  # 32 characters: an unmasked CSRF secret

POST_SCRIPT = """
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  stored = 0
  other = 0
end

request = function()
  counter = counter + 1
  local n = thread_id * 10000000 + counter
  local body = "csrfmiddlewaretoken=CSRF&author_name=Reader+" .. n
    .. "&author_email=reader" .. n .. "%40example.com"
    .. "&content=Benchmark+comment+number+" .. n .. "+about+the+talks."
  local ip = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256,
    math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", "PATH", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=CSRF",
    ["X-Forwarded-For"] = ip,
    ["User-Agent"] = "bench/1.0",
  }, body)
end

function response(status, headers, body)
  if status == 302 then stored = stored + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local stored_total, other_total = 0, 0
  for _, thread in ipairs(threads) do
    stored_total = stored_total + thread:get("stored")
    other_total = other_total + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "non2xx": %d, "stored": %d, '
    .. '"socket_errors": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %d, '
    .. '"max_us": %d}\\n',
    summary.requests, summary.duration, other_total, stored_total,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max))
end
"""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--akismet-delay", type=float, default=0.05, help="seconds per check")
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=32, help="gunicorn threads per worker")
    parser.add_argument("--renders", type=int, default=30)
    return parser.parse_args(argv)


def post_throughput(args: argparse.Namespace, env: dict[str, str], workdir: Path) -> dict:
    from comments.models import Comment
    from tests.akismet_server import VALID_KEY, FakeAkismet

    article = generate_article_for_posts()
    akismet = FakeAkismet().start()
    akismet.delay = args.akismet_delay
    env = env | {
        "PYTHON_AKISMET_API_KEY": VALID_KEY,
        "PYTHON_AKISMET_BLOG_URL": "https://news.example.com",
        "AKISMET_API_URL": akismet.url,
        "DJANGO_TRUSTED_PROXIES": "1",
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
    }
    script = workdir / "post.lua"
    path = f"/comments/post/{article.pk}/"
    script.write_text(POST_SCRIPT.replace("CSRF", CSRF).replace("PATH", path))
    before = Comment.objects.count()
    setup = Workers("gthread", args.workers, args.threads)
    try:
        delay_ms = args.akismet_delay * 1000
        say(f"Starting gunicorn ({setup.label}); Akismet answers in {delay_ms:.0f} ms.")
        with gunicorn(setup, env, workdir) as server:
            raw = run_wrk(ensure_wrk(), server.url + path, args, script, args.duration)
    finally:
        akismet.stop()
    stored_rows = Comment.objects.count() - before
    checks = len(akismet.calls("comment-check"))
    seconds = raw["duration_us"] / 1e6
    return {
        "posts_per_second": round(raw["requests"] / seconds, 1),
        "posts": raw["requests"],
        "answered_302": raw["stored"],
        "other_answers": raw["non2xx"],
        "socket_errors": raw["socket_errors"],
        "rows_stored": stored_rows,
        "akismet_checks": checks,
        # wrk stops on the clock: posts still in flight are stored but never counted as
        # answered, so there can be more rows than 302s; fewer would be lost comments.
        "lost": max(raw["stored"] - stored_rows, 0),
        "in_flight_at_end": max(stored_rows - raw["stored"], 0),
        "p50_ms": raw["p50_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "workers": setup.label,
    }


def generate_article_for_posts():
    from articles.models import Article

    article = Article.objects.published().order_by("-published_at").first()
    if article is None:
        raise SystemExit("No published article: run python -m bench.generate first.")
    Article.objects.filter(pk=article.pk).update(comments_open=True)
    return article


def render_cost(args: argparse.Namespace) -> dict:
    """Milliseconds per rendered comment: a page with 500 comments against one with none."""
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    from articles.models import Article
    from comments.models import Comment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.COMMENTS_THREADS_PER_PAGE = 1000  # all 500 on one page
    articles = list(Article.objects.published().order_by("-published_at")[:2])
    with_comments, without = articles
    Comment.objects.filter(article__in=articles).delete()
    threads = [
        Comment(
            article=with_comments,
            author_name=f"Reader {i}",
            author_email=f"reader{i}@example.com",
            content=f"A comment of some length, number {i}.\n\nWith a second paragraph.",
            status=Comment.Status.APPROVED,
            verdict=Comment.Verdict.HAM,
            content_hash=f"render-{i}",
        )
        for i in range(250)
    ]
    Comment.objects.bulk_create(threads)
    for thread in threads:
        thread.thread_id = thread.pk
    Comment.objects.bulk_update(threads, ["thread"])
    Comment.objects.bulk_create(
        Comment(
            article=with_comments,
            parent=thread,
            thread=thread,
            depth=1,
            author_name=f"Replier {i}",
            author_email=f"replier{i}@example.com",
            content=f"A reply, number {i}.",
            status=Comment.Status.APPROVED,
            verdict=Comment.Verdict.HAM,
            content_hash=f"render-reply-{i}",
        )
        for i, thread in enumerate(threads)
    )
    client = Client()

    def median_ms(url: str) -> float:
        client.get(url)
        timings = []
        for _ in range(args.renders):
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200, response.status_code
        return statistics.median(timings) * 1000

    full, empty = median_ms(with_comments.get_absolute_url()), median_ms(without.get_absolute_url())
    Comment.objects.filter(article__in=articles).delete()
    return {
        "page_with_500_comments_ms": round(full, 2),
        "page_without_comments_ms": round(empty, 2),
        "ms_per_comment": round((full - empty) / 500, 4),
    }


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    ensure_database(args.database_url)
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-comments-"))
    static_root = workdir / "static"
    env = bench_environment(args.database_url, static_root)
    os.environ.update(env)
    generate.setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if not generate.generated_count():
        generate.generate(articles=200, comments=0)
    call_command("collectstatic", interactive=False, verbosity=0)

    posts = post_throughput(args, env, workdir)
    render = render_cost(args)
    say()
    say(
        f"Comment POSTs: {posts['posts_per_second']}/s ({posts['workers']}, Akismet "
        f"{args.akismet_delay * 1000:.0f} ms), p50 {posts['p50_ms']:.0f} ms, "
        f"p99 {posts['p99_ms']:.0f} ms; {posts['answered_302']} answered, "
        f"{posts['rows_stored']} stored ({posts['in_flight_at_end']} still in flight when wrk "
        f"stopped), {posts['lost']} lost, "
        f"{posts['other_answers']} other answers."
    )
    say(
        f"Render: {render['page_with_500_comments_ms']} ms with 500 comments, "
        f"{render['page_without_comments_ms']} ms without: "
        f"{render['ms_per_comment']} ms per comment."
    )
    if posts["lost"]:
        sys.exit("Comments were lost.")


if __name__ == "__main__":
    main()
