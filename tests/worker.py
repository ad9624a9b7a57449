"""The real task worker, run from a test as an operator's machine runs it."""

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


def run_worker(command: str = "db_worker") -> None:
    """`manage.py db_worker --batch` (or `worker --batch`): every task that is due, then exit."""
    with _signals_restored():
        call_command(command, "--batch", "--no-startup-delay", verbosity=0)
