"""The Redis option (django-tasks-rq): the same tasks through RQ, run by RQ's own worker."""

import django_rq
import pytest
from django.tasks import TaskResultStatus
from django_tasks_rq import Job
from rq import SimpleWorker

from comments import tasks as comment_tasks
from comments.services import moderation
from jobs import schedule, status
from tests.factories import make_comment

REDIS_URL = "redis://127.0.0.1:6379/7"

# RQ cannot join a database transaction: tasks are handed to it when the transaction
# commits, so these tests commit as production does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(settings):
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default")
    queue.connection.flushdb()
    yield queue
    queue.connection.flushdb()


def work(queue) -> None:
    """RQ's worker in burst mode, as `manage.py worker --batch` runs it (scheduler included)."""
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(
        burst=True, with_scheduler=True
    )


def test_a_moderators_report_reaches_akismet_through_rq(queue, akismet, moderator):
    comment = make_comment()
    moderation.moderate_comment(comment=comment, action="spam", moderator=moderator)
    assert queue.count == 1
    assert status.queue_status().waiting == 1

    work(queue)

    comment.refresh_from_db()
    assert comment.feedback_pending == ""
    assert akismet.calls("submit-spam")[0]["comment_content"] == comment.content


def test_the_result_of_a_task_run_by_rq(queue, akismet):
    comment = make_comment(status="spam", verdict="spam", feedback_pending="spam")
    result = comment_tasks.send_feedback.enqueue(comment.pk)
    assert result.status == TaskResultStatus.READY

    work(queue)

    result.refresh()
    assert (result.status, result.return_value) == (TaskResultStatus.SUCCESSFUL, True)


def test_periodic_jobs_run_and_reschedule_through_rq(queue, akismet):
    assert sorted(schedule.ensure_scheduled()) == sorted(schedule.REGISTRY)

    work(queue)

    assert status.worker_last_seen() is not None
    # Each job's next run waits in RQ's scheduled registry, one per job.
    assert status.queue_status().scheduled == len(schedule.REGISTRY)
