"""What operators see of the background work: the queue, the periodic jobs, the workers."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Case, When
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from jobs.models import PeriodicRun

HEARTBEAT = "heartbeat"
FAILURES_SHOWN = 5


@dataclass
class Failure:
    task: str
    at: datetime | None
    error: str  # the exception's last line


@dataclass
class QueueStatus:
    backend: str
    waiting: int = 0  # due now, not started
    scheduled: int = 0  # waiting for their time
    running: int = 0
    oldest_task: str = ""
    oldest_since: datetime | None = None
    failures: list[Failure] = field(default_factory=list)


def backend():
    """The default task backend itself (django.tasks.default_task_backend is a proxy)."""
    return task_backends[DEFAULT_TASK_BACKEND_ALIAS]


def uses_database() -> bool:
    return isinstance(backend(), DatabaseBackend)


def _last_line(text: str) -> str:
    lines = [line for line in (text or "").splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def queue_status() -> QueueStatus:
    if uses_database():
        return _database_queue_status()
    return _rq_queue_status()


def _database_queue_status() -> QueueStatus:
    from django_tasks_db.models import DBTaskResult, get_date_max

    tasks = DBTaskResult.objects.filter(backend_name=backend().alias)
    ready = tasks.filter(status=TaskResultStatus.READY)
    due = ready.ready()
    status = QueueStatus(
        backend="database",
        waiting=due.count(),
        scheduled=ready.count() - due.count(),
        running=tasks.filter(status=TaskResultStatus.RUNNING).count(),
    )
    # A task waits from when it was enqueued, or from its time if it was deferred.
    since = Case(When(run_after=get_date_max(), then="enqueued_at"), default="run_after")
    oldest = due.annotate(since=since).order_by("since").first()
    if oldest is not None:
        status.oldest_task, status.oldest_since = oldest.task_name, oldest.since
    status.failures = [
        Failure(task=failed.task_name, at=failed.finished_at, error=_last_line(failed.traceback))
        for failed in tasks.filter(status=TaskResultStatus.FAILED).order_by("-finished_at")[
            :FAILURES_SHOWN
        ]
    ]
    return status


def _rq_queue_status() -> QueueStatus:
    import django_rq
    from rq.job import Job
    from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

    status = QueueStatus(backend="rq")
    for name in backend().queues:
        queue = django_rq.get_queue(name)
        status.waiting += queue.count
        status.scheduled += ScheduledJobRegistry(queue=queue).count
        status.running += StartedJobRegistry(queue=queue).count
        first = queue.get_job_ids(0, 1)
        if first:
            job = Job.fetch(first[0], connection=queue.connection)
            if status.oldest_since is None or job.enqueued_at < status.oldest_since:
                status.oldest_task, status.oldest_since = job.func_name, job.enqueued_at
        failed_ids = FailedJobRegistry(queue=queue).get_job_ids(0, FAILURES_SHOWN - 1)
        for job in Job.fetch_many(failed_ids, connection=queue.connection):
            if job is not None:
                result = job.latest_result()
                status.failures.append(
                    Failure(
                        task=job.func_name,
                        at=job.ended_at,
                        error=_last_line(result.exc_string if result else ""),
                    )
                )
    return status


def requeue_stuck_tasks() -> int:
    """
    Put back in the queue the tasks still marked running TASKS_STUCK_AFTER after they started.

    Their worker died (killed, machine gone) and will never finish them; every task is
    idempotent, so running one again completes it. RQ handles its own abandoned jobs.
    """
    if not uses_database():
        return 0
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - settings.TASKS_STUCK_AFTER
    return DBTaskResult.objects.filter(
        backend_name=backend().alias,
        status=TaskResultStatus.RUNNING,
        started_at__lt=cutoff,
    ).update(status=TaskResultStatus.READY)


def worker_last_seen() -> datetime | None:
    """When a worker last ran the heartbeat job (every minute while any worker runs)."""
    heartbeat = PeriodicRun.objects.filter(name=HEARTBEAT)
    return heartbeat.values_list("last_finished_at", flat=True).first()


def workers_late(last_seen: datetime | None) -> bool:
    return last_seen is None or last_seen < timezone.now() - settings.TASKS_WORKER_LATE_AFTER


def periodic_runs() -> list[tuple]:
    """Every registered job with its row (an unsaved one before its first run)."""
    from jobs.schedule import REGISTRY

    rows = {row.name: row for row in PeriodicRun.objects.filter(name__in=REGISTRY)}
    return [
        (job, rows.get(name) or PeriodicRun(name=name))
        for name, job in sorted(REGISTRY.items(), key=lambda item: item[1].label)
    ]
