"""
Periodic work without cron: each periodic job is a task that schedules its own next run.

A job's PeriodicRun row names the one scheduled task allowed to run it (`token`). A run
claims the row with a conditional UPDATE (token matches, nobody holds the lease), so two
workers never run a job at once and a duplicate task does nothing. When the job returns,
the next run is enqueued with a new token in the same transaction that records the
outcome. Workers call ensure_scheduled() when they start, and the heartbeat job every
minute, so a job whose task was lost (a wiped Redis, a worker killed mid-run) is scheduled
again.
"""

import logging
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from jobs.models import PeriodicRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    function: Callable[[], object]
    every: timedelta
    label: str
    # Delays after runs that returned Retry, step by step; then `every` again.
    backoff: tuple[timedelta, ...] = ()


@dataclass(frozen=True)
class Retry:
    """What a job returns when a service it needs failed: run again after the next backoff step."""

    result: object = None


@dataclass(frozen=True)
class RunAgain:
    """What a job returns when more work is waiting than one run takes: run again at once."""

    result: object = None


REGISTRY: dict[str, Job] = {}


def periodic(name: str, *, every: timedelta, label: str, backoff=()):
    """Register a function (no arguments, JSON-able result) as a periodic job."""

    def decorator(function):
        REGISTRY[name] = Job(name, function, every, label, tuple(backoff))
        return function

    return decorator


# Enqueueing ---------------------------------------------------------------------------


def enqueue(task, *args, run_after=None, **kwargs) -> None:
    """
    Enqueue a task so that it stands or falls with the current transaction.

    The database backend writes the task row inside the transaction, so it commits with the
    rows the task will read (or not at all). Other backends (RQ) cannot join a database
    transaction: they get the task after the commit, so a worker never sees it first.
    """
    if run_after is not None:
        task = task.using(run_after=run_after)
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def _new_token() -> str:
    return uuid.uuid4().hex


def _schedule(name: str, token: str, at) -> None:
    from jobs.tasks import run_periodic_job

    enqueue(run_periodic_job, name, token, run_after=at)


def _idle(now) -> Q:
    return Q(running_until__isnull=True) | Q(running_until__lt=now)


def ensure_scheduled() -> list[str]:
    """Give every registered job a scheduled run unless it has a live one; return their names."""
    now = timezone.now()
    # A run this late was lost with its task (or its worker): schedule a new one.
    lost = (
        Q(token="")
        | Q(next_run_at__isnull=True)
        | Q(next_run_at__lt=now - settings.TASKS_STUCK_AFTER)
    )
    scheduled = []
    for name in REGISTRY:
        PeriodicRun.objects.get_or_create(name=name)
        token = _new_token()
        with transaction.atomic():
            rows = PeriodicRun.objects.filter(lost, _idle(now), name=name)
            if rows.update(token=token, next_run_at=now, retries=0):
                _schedule(name, token, now)
                scheduled.append(name)
    return scheduled


def run_soon(name: str, *, delay: timedelta = timedelta(0), backing_off: bool = False) -> bool:
    """
    Bring a job's next run forward to `delay` from now; True if it was.

    By default only a job that is not backing off is brought forward (work arrived);
    `backing_off=True` brings forward only one that is (its service is back). A job
    running now takes the earlier time when it finishes.
    """
    now = timezone.now()
    at = now + delay
    rows = PeriodicRun.objects.filter(name=name)
    rows = rows.filter(retries__gt=0) if backing_off else rows.filter(retries=0)
    rows = rows.filter(Q(next_run_at__isnull=True) | Q(next_run_at__gt=at))
    if rows.filter(running_until__gte=now).update(next_run_at=at):
        return True
    token = _new_token()
    if rows.filter(_idle(now)).exclude(token="").update(token=token, next_run_at=at):
        _schedule(name, token, at)
        return True
    return False


_woken: dict[str, float] = {}


def wake(name: str, *, seconds_between: float = 10.0) -> None:
    """
    Run a backing-off job now because its service answered again.

    Called on a busy path (every comment Akismet judged), so each process asks the
    database at most once per `seconds_between`.
    """
    now = time.monotonic()
    if now - _woken.get(name, -seconds_between) < seconds_between:
        return
    _woken[name] = now
    run_soon(name, backing_off=True)


# Running ------------------------------------------------------------------------------


def run_job(name: str, token: str) -> object:
    """Run a periodic job for the task scheduled with `token`, unless another run has it."""
    job = REGISTRY.get(name)
    if job is None:
        return {"skipped": f"no periodic job is called {name!r}"}
    now = timezone.now()
    claimed = (
        PeriodicRun.objects.filter(_idle(now), name=name, token=token)
        .exclude(token="")
        .update(
            running_until=now + settings.TASKS_STUCK_AFTER, last_started_at=now, next_run_at=None
        )
    )
    if not claimed:
        return {"skipped": "superseded or already running"}
    try:
        outcome = job.function()
    except BaseException:
        # Also on a worker's forced shutdown: the next run is scheduled before it exits.
        _finish(job, PeriodicRun.Outcome.FAILED, error=traceback.format_exc())
        raise
    if isinstance(outcome, Retry):
        return _finish(job, PeriodicRun.Outcome.RETRY, result=outcome.result)
    if isinstance(outcome, RunAgain):
        return _finish(job, PeriodicRun.Outcome.OK, result=outcome.result, again=True)
    return _finish(job, PeriodicRun.Outcome.OK, result=outcome)


def _finish(job: Job, outcome: str, *, result=None, error: str = "", again: bool = False):
    now = timezone.now()
    with transaction.atomic():
        row = PeriodicRun.objects.select_for_update().get(name=job.name)
        if outcome == PeriodicRun.Outcome.RETRY:
            # The backoff steps, then the job's own cadence.
            steps = job.backoff
            delay = min(steps[row.retries], job.every) if row.retries < len(steps) else job.every
            row.retries += 1
        else:
            delay = timedelta(0) if again else job.every
            row.retries = 0
        at = now + delay
        if row.next_run_at is not None:  # brought forward while it ran
            at = min(at, max(row.next_run_at, now))
        row.token = _new_token()
        row.next_run_at = at
        row.running_until = None
        row.last_finished_at = now
        row.last_outcome = outcome
        row.last_result = result
        if outcome == PeriodicRun.Outcome.FAILED:
            row.last_error = error
            row.last_failed_at = now
            logger.error("Periodic job %s failed:\n%s", job.name, error)
        row.save()
        _schedule(job.name, row.token, at)
    return result
