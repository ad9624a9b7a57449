from django.tasks import task

from edge import services


@task()
def purge_keys(keys: list[str], attempt: int = 1) -> None:
    """Remove the pages tagged with these surrogate keys from the HTTP cache."""
    services.purge_now(keys=keys, attempt=attempt)
