"""Purges: requested when something a reader sees changes, sent after the commit by a task."""

import logging
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from edge import purge as backends

logger = logging.getLogger(__name__)

# A failed purge is tried again after these delays, on a task backend that can wait.
RETRY_DELAYS = (
    timedelta(seconds=5),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
)
# A backend that runs tasks at once (Django's default) retries on the spot, briefly: the
# editor's request is waiting.
IMMEDIATE_ATTEMPTS = 3
IMMEDIATE_PAUSE_SECONDS = 0.2


def purge_after_commit(keys: Iterable[str], *, at: datetime | None = None) -> None:
    """
    Purge these surrogate keys once the current transaction commits (or at `at`).

    Nothing is sent when purging is off; nothing is sent for a transaction rolled back. The
    purge runs as a task, and a failure to enqueue it is logged, never raised: an editor's
    save never fails because of the cache.
    """
    if not settings.NEWSROOM_PURGE_URL:
        return
    keys = sorted(set(keys))
    if keys:
        transaction.on_commit(partial(enqueue_purge, keys, at=at), robust=True)


def enqueue_purge(keys: list[str], *, at: datetime | None = None, attempt: int = 1) -> bool:
    """Enqueue the purge task; False when `at` is given and the task backend cannot wait."""
    from edge.tasks import purge_keys

    task = purge_keys
    if at is not None:
        if not task.get_backend().supports_defer:
            return False
        task = task.using(run_after=at)
    task.enqueue(keys=keys, attempt=attempt)
    return True


def purge_now(*, keys: list[str], attempt: int = 1) -> None:
    """Send one purge; when it fails, try again later. Raises PurgeFailed when giving up."""
    from edge.tasks import purge_keys

    try:
        backends.get_backend().purge(keys)
    except backends.PurgeFailed as error:
        deferred = purge_keys.get_backend().supports_defer
        attempts = len(RETRY_DELAYS) + 1 if deferred else IMMEDIATE_ATTEMPTS
        if attempt >= attempts:
            logger.error("Purge of %s failed %d times, giving up: %s", keys, attempt, error)
            raise
        logger.warning("Purge of %s failed (attempt %d), retrying: %s", keys, attempt, error)
        if deferred:
            enqueue_purge(keys, at=timezone.now() + RETRY_DELAYS[attempt - 1], attempt=attempt + 1)
        else:
            time.sleep(IMMEDIATE_PAUSE_SECONDS)
            purge_now(keys=keys, attempt=attempt + 1)
