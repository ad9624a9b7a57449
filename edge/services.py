"""Purges: requested when something a reader sees changes, sent after the commit by a task."""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from edge import purge as backends

logger = logging.getLogger(__name__)

# A failed purge is tried again by the worker after these delays, then given up (logged,
# and shown among the failed tasks on the admin index); the page's lifetime brings it in.
RETRY_DELAYS = (
    timedelta(seconds=5),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
)
ATTEMPTS = len(RETRY_DELAYS) + 1


def purge_after_commit(keys: Iterable[str], *, at: datetime | None = None) -> None:
    """
    Purge these surrogate keys once the current transaction commits (or at `at`).

    Nothing is sent when purging is off; nothing is sent for a transaction rolled back. The
    purge is a task, run by a worker within a fraction of a second (or at `at`); a failure
    to enqueue it is logged, never raised: an editor's save never fails because of the cache.
    """
    if not settings.NEWSROOM_PURGE_URL:
        return
    keys = sorted(set(keys))
    if keys:
        transaction.on_commit(partial(enqueue_purge, keys, at=at), robust=True)


def enqueue_purge(keys: list[str], *, at: datetime | None = None, attempt: int = 1) -> None:
    from edge.tasks import purge_keys

    task = purge_keys if at is None else purge_keys.using(run_after=at)
    task.enqueue(keys=keys, attempt=attempt)


def purge_now(*, keys: list[str], attempt: int = 1) -> None:
    """Send one purge; when it fails, try again later. Raises PurgeFailed when giving up."""
    try:
        backends.get_backend().purge(keys)
    except backends.PurgeFailed as error:
        if attempt >= ATTEMPTS:
            logger.error("Purge of %s failed %d times, giving up: %s", keys, attempt, error)
            raise
        logger.warning("Purge of %s failed (attempt %d), retrying: %s", keys, attempt, error)
        enqueue_purge(keys, at=timezone.now() + RETRY_DELAYS[attempt - 1], attempt=attempt + 1)
