"""
The real task worker, run from a test as an operator's machine runs it.

Tests that run it are transactional (`django_db(transaction=True)`): the worker commits
its work and checks its database connection between tasks, as it does in production.
"""

import signal
from contextlib import contextmanager

from django.core.management import call_command


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
