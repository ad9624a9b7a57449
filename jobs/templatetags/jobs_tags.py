from django import template
from django.db import DatabaseError

from jobs import status

register = template.Library()


@register.simple_tag
def tasks_status():
    """The admin index's panel: the queue, the periodic jobs, recent failures, the workers."""
    try:
        queue = status.queue_status()
    except (DatabaseError, ConnectionError, OSError) as error:
        return {"unavailable": str(error) or type(error).__name__}
    last_seen = status.worker_last_seen()
    return {
        "queue": queue,
        "jobs": status.periodic_runs(),
        "last_seen": last_seen,
        "late": status.workers_late(last_seen),
    }
