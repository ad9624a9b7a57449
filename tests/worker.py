"""
The real task worker, run from a test as an operator's machine runs it.

Tests that run it are transactional (`django_db(transaction=True)`): the worker commits
its work and checks its database connection between tasks, as it does in production.

`run_worker()` runs what is due and returns (`--batch`). `worker_running()` keeps
`manage.py worker` polling the queue in its own process beside the test, as `make run`
starts it beside the web server.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def _signals_restored():
    # db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def run_worker() -> None:
    """`manage.py db_worker --batch`: every task that is due, then exit."""
    with _signals_restored():
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def start_worker() -> None:
    """`manage.py worker --batch`: what a starting worker does (schedules the periodic jobs)."""
    with _signals_restored():
        call_command("worker", "--batch", "--", "--no-startup-delay", verbosity=0)


def database_url() -> str:
    """The test database, as DATABASE_URL names it for another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():
            raise RuntimeError("An in-memory SQLite database cannot be shared with a worker.")
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def worker_environment(**extra: str) -> dict[str, str]:
    """The environment of a worker process sharing the test's database and purge settings."""
    return os.environ | {
        "DATABASE_URL": database_url(),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "NEWSROOM_PURGE_URL": settings.NEWSROOM_PURGE_URL,
        "NEWSROOM_PURGE_BACKEND": settings.NEWSROOM_PURGE_BACKEND,
        **extra,
    }


class RunningWorker:
    """`manage.py worker` in its own process, polling the test's database."""

    def __init__(self, log):
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env=worker_environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def wait_until_idle(self, timeout: float = 30) -> None:
        """Until every task that is due has run (on starting: the periodic jobs)."""
        from jobs import status

        deadline = time.monotonic() + timeout
        while True:
            queue = status.queue_status()
            if status.worker_last_seen() is not None and not (queue.waiting or queue.running):
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"The worker is not keeping up:\n{self.output()}")
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()  # SIGTERM: the worker stops once its current task ends
        self.process.wait(timeout=30)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()


@contextmanager
def worker_running():
    """`manage.py worker` polling the queue for as long as the block runs, then stopped."""
    with tempfile.TemporaryFile("w+") as log:
        worker = RunningWorker(log)
        try:
            worker.wait_until_idle(timeout=60)
            yield worker
        finally:
            worker.stop()
        assert worker.process.returncode == 0, worker.output()
