"""Article work the task worker does: the renditions of large pictures."""

from django.tasks import task

from articles import services


@task()
def make_renditions(image_id: int, file_name: str) -> int:
    """Renditions of an uploaded picture too large to make them during the upload."""
    return services.make_renditions(image_id=image_id, file_name=file_name)
