"""The task every periodic job runs as, and the heartbeat job that watches over the others."""

from datetime import timedelta

from django.tasks import task

from jobs import schedule, status


@task()
def run_periodic_job(name: str, token: str):
    return schedule.run_job(name, token)


@schedule.periodic(
    "heartbeat",
    every=timedelta(minutes=1),
    label="Worker heartbeat: stuck tasks run again, lost jobs rescheduled",
)
def heartbeat() -> dict:
    return {
        "requeued": status.requeue_stuck_tasks(),
        "rescheduled": schedule.ensure_scheduled(),
    }
