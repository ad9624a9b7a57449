"""Health endpoints: JSON for load balancers (the site) and for monitoring (the workers)."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from jobs import status


@never_cache
@require_safe
def site(request):
    """200 while this web process can reach the database, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_safe
def tasks(request):
    """
    200 while a task worker has been seen recently, 503 otherwise.

    For monitoring, not for a load balancer: a stopped worker does not make a web process
    unfit to serve pages.
    """
    try:
        last_seen = status.worker_last_seen()
        queue = status.queue_status()
    except (DatabaseError, ConnectionError, OSError):
        return JsonResponse({"status": "unavailable", "queue": "unreachable"}, status=503)
    now = timezone.now()
    late = status.workers_late(last_seen)
    return JsonResponse(
        {
            "status": "late" if late else "ok",
            "backend": queue.backend,
            "worker_last_seen": last_seen.isoformat() if last_seen else None,
            "waiting": queue.waiting,
            "scheduled": queue.scheduled,
            "running": queue.running,
            "oldest_waiting_seconds": (
                round((now - queue.oldest_since).total_seconds()) if queue.oldest_since else 0
            ),
            "recent_failures": len(queue.failures),
        },
        status=503 if late else 200,
    )
