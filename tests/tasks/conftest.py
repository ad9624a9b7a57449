import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs.models import PeriodicRun
from tests.factories import make_article
from tests.worker import start_worker


@pytest.fixture
def article(db):
    return make_article(title="Talks in Stockholm")


@pytest.fixture
def worker_started(transactional_db):
    """A worker has started and run every periodic job once (with nothing to do)."""
    start_worker()


def post(client, article, n: int = 1, **overrides):
    """A visitor's comment, from its own address (the rate limit is per address)."""
    data = {
        "author_name": f"Reader {n}",
        "author_email": f"reader{n}@example.com",
        "author_url": "",
        "content": f"A thoughtful comment, number {n}.",
    } | overrides
    return client.post(
        reverse("comments:post", args=[article.pk]), data, REMOTE_ADDR=f"198.51.100.{n}"
    )


def recheck() -> PeriodicRun:
    return PeriodicRun.objects.get(name="akismet-recheck")


def scheduled_run(job: PeriodicRun) -> DBTaskResult:
    """The one waiting task allowed to run a periodic job."""
    return DBTaskResult.objects.get(
        status=TaskResultStatus.READY,
        task_path="jobs.tasks.run_periodic_job",
        args_kwargs__args=[job.name, job.token],
    )


def seconds_until(moment) -> float:
    return (moment - timezone.now()).total_seconds()
