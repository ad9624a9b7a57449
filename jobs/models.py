from django.db import models


class PeriodicRun(models.Model):
    """
    One periodic job: when it runs next, which scheduled task may run it, how it last went.

    The row is the lock that keeps two workers from running a job twice: a run claims it by
    matching `token` (the one scheduled task allowed to run) while nobody holds the lease.
    """

    class Outcome(models.TextChoices):
        NONE = "", "Not run yet"
        OK = "ok", "Succeeded"
        RETRY = "retry", "Will retry soon"
        FAILED = "failed", "Failed"

    name = models.CharField(max_length=60, unique=True)
    token = models.CharField(max_length=32, blank=True, editable=False)
    next_run_at = models.DateTimeField(null=True, blank=True)
    # Held by the worker running the job; a lease that outlives its worker expires.
    running_until = models.DateTimeField(null=True, blank=True)
    retries = models.PositiveIntegerField(
        default=0, help_text="Runs in a row that asked to be retried (the backoff step)."
    )
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=6, choices=Outcome, blank=True, default="")
    last_result = models.JSONField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def error_summary(self) -> str:
        """The last line of the last failure's traceback: the exception and its message."""
        lines = [line for line in self.last_error.splitlines() if line.strip()]
        return lines[-1][:300] if lines else ""
