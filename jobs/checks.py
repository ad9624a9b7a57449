from django.core.checks import Warning, register
from django.db import DatabaseError
from django.utils import timezone
from django.utils.timesince import timesince

from jobs import status


def check_worker_seen(app_configs, **kwargs):
    """Background work (re-checks, digests, retention) only happens while a worker runs."""
    try:
        last_seen = status.worker_last_seen()
    except DatabaseError:
        return []  # not migrated yet: nothing can be said about workers
    if not status.workers_late(last_seen):
        return []
    seen = f"last seen {timesince(last_seen, timezone.now())} ago" if last_seen else "never seen"
    return [
        Warning(
            f"No task worker has run recently ({seen}): unchecked comments, the moderators' "
            "digest and the erasure of commenters' IP addresses are waiting.",
            hint="Start one with `python manage.py worker` (see docs/deployment.md).",
            id="jobs.W001",
        )
    ]


def register_deploy_checks() -> None:
    register(check_worker_seen, "tasks", deploy=True)
