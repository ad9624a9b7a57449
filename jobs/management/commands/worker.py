import argparse

from django.core.management import call_command
from django.core.management.base import BaseCommand

from jobs import schedule, status


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
        parser.add_argument("worker_args", nargs=argparse.REMAINDER)

    def handle(self, *args, batch, worker_args, verbosity, **options):
        scheduled = schedule.ensure_scheduled()
        if scheduled and verbosity:
            self.stdout.write(f"Scheduled periodic jobs: {', '.join(scheduled)}.")
        extra = [arg for arg in worker_args if arg != "--"]
        if status.uses_database():
            command = ["db_worker", *(["--batch"] if batch else []), *extra]
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
