"""
The re-check backlog after an Akismet outage: python -m bench.backlog.

While a loopback Akismet (the tests' server, `tests/akismet_server.py`) fails every call,
COMMENTS comments are held unchecked on PostgreSQL, and the real task worker
(`manage.py worker`, a process of its own) tries the re-check and backs off. Then Akismet
comes back, answering each check after AKISMET_DELAY seconds, and the first visitor comment
it judges wakes the backed-off re-check (what `comments.tasks.after_check` does). The
result is the time from that moment until the last held comment is checked.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import generate
from bench.run import (
    DEFAULT_DATABASE_URL,
    bench_environment,
    busy_percent,
    cpu_times,
    database_backends,
    ensure_database,
    process_cpu,
    say,
    spent,
    stop,
)

ROOT = Path(__file__).resolve().parents[1]
MARK = "bench-backlog-"  # content_hash prefix of the comments this benchmark creates


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--comments", type=int, default=3000, help="held comments")
    parser.add_argument("--akismet-delay", type=float, default=0.05, help="seconds per check")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--timeout", type=float, default=300.0, help="give up after seconds")
    return parser.parse_args(argv)


def held_comments(count: int) -> None:
    """What an outage leaves behind: comments stored, asked once, held unchecked."""
    from django.db.models import F

    from articles.models import Article
    from comments.models import Comment

    article = Article.objects.published().order_by("-published_at").first()
    if article is None:
        raise SystemExit("No published article: run python -m bench.generate first.")
    Comment.objects.filter(content_hash__startswith=MARK).delete()
    Comment.objects.bulk_create(
        (
            Comment(
                article=article,
                author_name=f"Held reader {n}",
                author_email=f"held{n}@example.com",
                content=f"A comment held while Akismet was down, number {n}.",
                ip_address=f"10.1.{n // 256 % 256}.{n % 256}",
                user_agent="bench/1.0",
                status=Comment.Status.PENDING,
                verdict=Comment.Verdict.UNCHECKED,
                held_reason=Comment.HeldReason.UNCHECKED,
                check_attempts=1,
                last_check_error="Akismet unavailable (RequestError).",
                content_hash=f"{MARK}{n}",
            )
            for n in range(count)
        ),
        batch_size=generate.BATCH_SIZE,
    )
    Comment.objects.filter(content_hash__startswith=MARK).update(thread_id=F("pk"))


def worker(env: dict[str, str], worker_id: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--", "--no-startup-delay", "--no-reload"]
        + ["--worker-id", worker_id],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"Gave up waiting for {what}.")
        time.sleep(0.1)


def measure(args: argparse.Namespace, env: dict[str, str]) -> dict:
    from comments import tasks as comment_tasks
    from comments.models import Comment
    from jobs import schedule
    from jobs.models import PeriodicRun
    from tests.akismet_server import VALID_KEY, FakeAkismet

    akismet = FakeAkismet().start()
    akismet.mode = "error"
    akismet.delay = args.akismet_delay
    env = env | {
        "PYTHON_AKISMET_API_KEY": VALID_KEY,
        "PYTHON_AKISMET_BLOG_URL": "https://news.example.com",
        "AKISMET_API_URL": akismet.url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
        # The moderators' digest runs too (the held comments await review): keep it local.
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    say(f"Holding {args.comments} comments unchecked.")
    held_comments(args.comments)
    held = Comment.objects.filter(content_hash__startswith=MARK)
    # The re-check's scheduled run is forgotten: the starting worker schedules it at once.
    schedule.ensure_scheduled()
    PeriodicRun.objects.filter(name=comment_tasks.RECHECK).update(
        token="", next_run_at=None, running_until=None, retries=0
    )
    workers = [worker(env, f"backlog-{n}") for n in range(args.workers)]
    try:
        say(f"Started {args.workers} worker(s); Akismet is down.")
        wait_for(
            lambda: PeriodicRun.objects.filter(name=comment_tasks.RECHECK, retries__gt=0).exists(),
            60,
            "the re-check to fail once and back off",
        )
        calls_while_down = len(akismet.calls("comment-check"))

        pids = {process.pid for process in workers}
        backends = database_backends()
        before = (cpu_times(), process_cpu(pids), process_cpu(backends))
        akismet.mode = "auto"
        started = time.monotonic()
        # A visitor's comment Akismet judged: the backed-off re-check is brought forward.
        schedule.run_soon(comment_tasks.RECHECK, backing_off=True)
        say(f"Akismet is back, answering in {args.akismet_delay * 1000:.0f} ms.")
        wait_for(
            lambda: not held.filter(verdict=Comment.Verdict.UNCHECKED).exists(),
            args.timeout,
            "the backlog to clear",
        )
        seconds = time.monotonic() - started
        after = (cpu_times(), process_cpu(pids), process_cpu(backends | database_backends()))
    finally:
        for process in workers:
            stop(process)
        akismet.stop()
    checks = len(akismet.calls("comment-check")) - calls_while_down
    result = {
        "comments": args.comments,
        "akismet_delay_ms": args.akismet_delay * 1000,
        "workers": args.workers,
        "seconds": round(seconds, 2),
        "comments_per_second": round(args.comments / seconds, 1),
        "checks_after_recovery": checks,
        "checks_while_down": calls_while_down,
        "approved": held.filter(status=Comment.Status.APPROVED).count(),
        # CPU per comment (the number that hardly depends on what else runs), and how busy
        # the machine was meanwhile.
        "worker_cpu_ms_per_comment": round(1000 * spent(before[1], after[1]) / args.comments, 2),
        "db_cpu_ms_per_comment": round(1000 * spent(before[2], after[2]) / args.comments, 2),
        "machine_busy_percent": busy_percent(before[0], after[0]),
    }
    held.delete()
    return result


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    ensure_database(args.database_url)
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-backlog-"))
    env = bench_environment(args.database_url, workdir / "static")
    os.environ.update(env)
    generate.setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if not generate.generated_count():
        generate.generate(articles=20, comments=0)

    result = measure(args, env)
    say()
    say(
        f"Backlog: {result['comments']} held comments checked {result['seconds']} s after "
        f"Akismet came back ({result['comments_per_second']}/s, Akismet "
        f"{result['akismet_delay_ms']:.0f} ms, {result['workers']} worker(s)); "
        f"{result['checks_after_recovery']} checks after recovery, "
        f"{result['checks_while_down']} while down; {result['approved']} published."
    )
    say(
        f"CPU per comment: worker {result['worker_cpu_ms_per_comment']} ms, PostgreSQL "
        f"{result['db_cpu_ms_per_comment']} ms; the machine was "
        f"{result['machine_busy_percent']}% busy."
    )


if __name__ == "__main__":
    main()
