import argparse

from django.core.management import call_command
from django.core.management.base import BaseCommand

from jobs import schedule, status

# How often an idle database worker looks for new tasks. Short, so that work a request
# hands over (a purge of the HTTP cache after an editor's save, a moderator's report to
# Akismet) starts within a fraction of a second; each look is one indexed query.
POLL_SECONDS = 0.2


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number < 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, not {value!r}")
    return number


class Command(BaseCommand):
    help = (
        "Run a task worker for the configured backend (db_worker, or rqworker for RQ) after "
        "making sure every periodic job is scheduled. Run one or more on any machine; "
        "arguments after -- go to the backend's worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Run the tasks that are due, then exit."
        )
        parser.add_argument(
            "--interval",
            type=seconds,
            default=POLL_SECONDS,
            help=(
                "Seconds an idle database worker waits before looking for tasks again "
                f"(default: {POLL_SECONDS}). RQ workers are woken by Redis at once."
            ),
        )
        parser.add_argument("worker_args", nargs=argparse.REMAINDER)

    def handle(self, *args, batch, interval, worker_args, verbosity, **options):
        scheduled = schedule.ensure_scheduled()
        if scheduled and verbosity:
            self.stdout.write(f"Scheduled periodic jobs: {', '.join(scheduled)}.")
        extra = [arg for arg in worker_args if arg != "--"]
        if status.uses_database():
            command = ["db_worker", "--interval", str(interval), *(["--batch"] if batch else [])]
            command += extra
        else:
            command = [
                "rqworker",
                "--job-class",
                "django_tasks_rq.Job",
                "--with-scheduler",
                *(["--burst"] if batch else []),
                *extra,
                *status.backend().queues,
            ]
        call_command(*command, verbosity=verbosity)
