"""
Real worker processes: two at once, and one killed in the middle of a task.

On PostgreSQL the workers are `manage.py db_worker` subprocesses sharing the test
database. SQLite takes one worker at a time (docs/deployment.md): there the same workers
run in this process, one after the other, and the killed worker is the state it leaves
behind (a task claimed by a worker that never finishes it).
"""

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import tasks as comment_tasks
from comments.models import Comment
from jobs import schedule
from jobs.models import PeriodicRun
from jobs.tasks import run_periodic_job
from tests.akismet_server import VALID_KEY
from tests.factories import make_article, make_comment, make_user
from tests.worker import run_worker, worker_environment

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRESQL = connection.vendor == "postgresql"


def worker_process(akismet, worker_id: str, *extra: str) -> subprocess.Popen:
    env = worker_environment(
        PYTHON_AKISMET_API_KEY=VALID_KEY,
        PYTHON_AKISMET_BLOG_URL="https://news.example.com",
        AKISMET_API_URL=akismet.url,
        AKISMET_TIMEOUT="10",
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]
        + ["--worker-id", worker_id, *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_run_every_task_once_and_no_job_twice(akismet, mailoutbox):
    article = make_article()
    make_user(email="mod@example.com", groups=[Group.objects.get(name="Moderators")])
    for _ in range(3):
        make_comment(article=article, status="pending", held_reason="policy")
    reported = [
        make_comment(article=article, status="spam", verdict="spam", feedback_pending="spam")
        for _ in range(20)
    ]
    for comment in reported:  # each report queued twice (a moderator clicking twice)
        comment_tasks.queue_feedback(comment)
        comment_tasks.queue_feedback(comment)
    schedule.ensure_scheduled()
    for run in PeriodicRun.objects.all():  # and every periodic run queued twice
        run_periodic_job.enqueue(run.name, run.token)

    if ON_POSTGRESQL:
        workers = [worker_process(akismet, name, "--batch") for name in ("one", "two")]
        output = "".join(worker.communicate(timeout=120)[0] for worker in workers)
        assert [worker.returncode for worker in workers] == [0, 0], output
        digests = output.count("Subject: 3 comment(s) waiting for review")
    else:
        run_worker()
        run_worker()
        digests = len(mailoutbox)

    # What is left waiting is the periodic jobs' next runs, each at its own time.
    left = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert sorted(task.args_kwargs["args"][0] for task in left) == sorted(schedule.REGISTRY)
    assert all(task.run_after > timezone.now() for task in left)
    tasks = DBTaskResult.objects.exclude(pk__in=left)
    assert {task.status for task in tasks} == {TaskResultStatus.SUCCESSFUL}
    assert all(len(task.worker_ids) == 1 for task in tasks)
    # Each comment reported to Akismet exactly once.
    sent = [call["comment_content"] for call in akismet.calls("submit-spam")]
    assert sorted(sent) == sorted(comment.content for comment in reported)
    assert not Comment.objects.exclude(feedback_pending="").exists()
    # Each periodic job ran once; its duplicates stepped aside.
    ran = [task.args_kwargs["args"][0] for task in tasks if "skipped" not in str(task.return_value)]
    job_runs = sorted(name for name in ran if name in schedule.REGISTRY)
    assert job_runs == sorted(schedule.REGISTRY)
    assert digests == 1


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_was_killed_runs_again_and_completes(akismet, time_machine):
    comment = make_comment(status="spam", verdict="spam", feedback_pending="spam")
    comment_tasks.queue_feedback(comment)

    if ON_POSTGRESQL:
        akismet.mode, akismet.slow_seconds = "slow", 4.0
        worker = worker_process(akismet, "killed")
        deadline = time.monotonic() + 30
        while not akismet.calls("submit-spam") and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.kill()  # in the middle of telling Akismet
        worker.communicate(timeout=30)
    else:
        DBTaskResult.objects.get().claim("killed")

    task = DBTaskResult.objects.get()
    assert (task.status, task.worker_ids) == (TaskResultStatus.RUNNING, ["killed"])
    comment.refresh_from_db()
    assert comment.feedback_pending == "spam"  # nothing half-done
    assert not comment.events.filter(action="reported spam to Akismet").exists()

    # A worker starts later; once the task is overdue, the heartbeat puts it back.
    akismet.mode = "auto"
    time_machine.move_to(timezone.now() + timedelta(minutes=16), tick=False)
    schedule.ensure_scheduled()
    run_worker()

    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids[0] == "killed" and len(task.worker_ids) == 2
    comment.refresh_from_db()
    assert comment.feedback_pending == ""
    assert comment.events.filter(action="reported spam to Akismet").count() == 1
