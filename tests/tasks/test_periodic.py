"""The housekeeping runs on its own once a worker runs: no cron, no operator."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.checks import run_checks
from django.urls import reverse
from django.utils import timezone
from lxml import html

from comments import tasks as comment_tasks
from comments.models import Comment
from jobs import schedule
from jobs.models import PeriodicRun
from tests.factories import make_comment, make_user
from tests.worker import run_worker, start_worker

# The worker runs as in production, committing its work (so not in a test transaction).
pytestmark = pytest.mark.django_db(transaction=True)


def panel_text(client) -> str:
    """The admin index's background-work panel as a person reads it."""
    page = html.fromstring(client.get(reverse("admin:index")).content.decode())
    panels = page.xpath('//*[@id="background-work"]')
    words = (" ".join(panels[0].itertext()) if panels else "").replace("\xa0", " ")
    return re.sub(r"\s+", " ", words).strip()


@pytest.fixture
def site_admin_client(client):
    client.force_login(make_user(username="siteadmin", is_staff=True, is_superuser=True))
    return client


def test_old_comments_lose_their_ip_user_agent_and_referrer(time_machine, settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    time_machine.move_to(timezone.now(), tick=False)
    old = make_comment(referrer="https://example.org/forum/")
    start_worker()

    time_machine.shift(timedelta(days=20))
    recent = make_comment(referrer="https://example.org/")
    time_machine.shift(timedelta(days=10, hours=1))
    run_worker()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, old.user_agent, old.referrer) == (None, "", "")
    assert (recent.ip_address, recent.referrer) == ("203.0.113.7", "https://example.org/")


def test_moderators_get_one_digest_however_often_the_worker_runs(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    make_user(email="mod@example.com", groups=[Group.objects.get(name="Moderators")])
    start_worker()
    for _ in range(3):
        make_comment(status="pending", verdict="unchecked", held_reason="unchecked")

    for _ in range(4):
        time_machine.shift(timedelta(minutes=11))
        run_worker()
        start_worker()  # a worker restarting reschedules nothing that is still live

    assert len(mail.outbox) == 1
    assert "3 comment(s) waiting for review" in mail.outbox[0].subject


def test_discarded_spam_is_purged_by_the_worker(time_machine, settings):
    settings.COMMENTS_DISCARD_AFTER_DAYS = 7
    time_machine.move_to(timezone.now(), tick=False)
    blatant = make_comment(status="spam", verdict="discard")
    start_worker()
    time_machine.shift(timedelta(days=8))
    run_worker()
    assert not Comment.objects.filter(pk=blatant.pk).exists()


def test_admin_shows_queue_depth_oldest_task_and_each_job(site_admin_client, akismet, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    start_worker()
    for _ in range(3):
        comment_tasks.queue_feedback(make_comment(feedback_pending="spam"))
    time_machine.shift(timedelta(minutes=5))

    text = panel_text(site_admin_client)
    assert "Workers Seen 5 minutes ago" in text
    assert "Tasks waiting 4" in text  # the three reports and the heartbeat's next run
    assert "Oldest waiting send_feedback, for 5 minutes" in text
    assert "Akismet re-check of unchecked comments and queued feedback" in text
    assert "Last run 5 minutes ago: Succeeded" in text


def failing_job():
    raise RuntimeError("Akismet refused the API key.")


@pytest.fixture
def failing(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    schedule.periodic("failing", every=timedelta(minutes=5), label="A job that fails")(failing_job)
    yield
    del schedule.REGISTRY["failing"]


def test_a_failing_job_shows_its_error_and_keeps_its_schedule(site_admin_client, failing):
    start_worker()

    text = panel_text(site_admin_client)
    assert "A job that fails Last run 0 minutes ago: Failed" in text
    assert "RuntimeError: Akismet refused the API key." in text
    assert "Recent failures run_periodic_job" in text
    # It runs again at its own cadence.
    run = PeriodicRun.objects.get(name="failing")
    assert run.next_run_at - run.last_finished_at == timedelta(minutes=5)


def test_the_panel_is_for_site_administrators(moderator_client):
    assert panel_text(moderator_client) == ""


def worker_warnings():
    return run_checks(include_deployment_checks=True, tags=["tasks"])


def test_deploy_check_reports_workers_never_seen_then_late(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    [never] = worker_warnings()
    assert never.id == "jobs.W001"
    assert "never seen" in never.msg

    start_worker()
    assert worker_warnings() == []

    time_machine.shift(timedelta(minutes=11))
    [late] = worker_warnings()
    assert "last seen 11\xa0minutes ago" in late.msg


def test_health_endpoints(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    assert client.get("/health/").json() == {"status": "ok", "database": "ok"}
    response = client.get("/health/tasks/")
    assert (response.status_code, response.json()["status"]) == (503, "late")

    start_worker()
    response = client.get("/health/tasks/")
    assert response.status_code == 200
    assert response.json()["worker_last_seen"] is not None
    assert "Set-Cookie" not in response
