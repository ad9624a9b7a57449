"""Actions on articles that write more than one row or touch files."""

from django.conf import settings
from django.db import transaction

from articles import images, tasks
from articles.models import Article, Image, SlugRedirect
from jobs import schedule


def store_image(*, image: Image, upload, clean: images.CleanPicture | None = None) -> Image:
    """
    Store an uploaded picture without its metadata, with its renditions.

    A picture above NEWSROOM_IMAGE_BACKGROUND_PIXELS is stored without renditions and a
    task makes them (make_renditions), committed with the picture; until then pages show
    the stored file. `clean` is the upload already decoded (by a form that validated it).
    Raises images.InvalidImage, with a message for the editor, when the upload is not a
    picture we accept; nothing is stored then.
    """
    clean = clean or images.decode(upload)
    stale = [image.file.name, *(r["name"] for r in image.renditions)] if image.pk else []
    master = images.master_file(clean, upload.name)
    image.file.save(master.name, master, save=False)
    width, height = clean.size
    later = width * height > settings.NEWSROOM_IMAGE_BACKGROUND_PIXELS
    image.renditions = [] if later else images.make_renditions(clean, image.file.name)
    image.save()
    if later:
        schedule.enqueue(tasks.make_renditions, image.pk, image.file.name)
    stale = [name for name in stale if name and name != image.file.name]
    transaction.on_commit(lambda: images.delete_files(stale))
    return image


def make_renditions(*, image_id: int, file_name: str) -> int:
    """
    Make the renditions of a stored picture that has none; returns how many were made.

    Nothing is done for a picture deleted, given another file, or already done since the
    task was queued; of two runs at once, one keeps its files and the other deletes its own.
    """
    image = Image.objects.filter(pk=image_id, file=file_name, renditions=[]).first()
    if image is None:
        return 0
    with image.file.open("rb") as stored:
        clean = images.decode(stored)
    renditions = images.make_renditions(clean, file_name)
    with transaction.atomic():
        image = (
            Image.objects.select_for_update()
            .filter(pk=image_id, file=file_name, renditions=[])
            .first()
        )
        if image is None:
            transaction.on_commit(lambda: images.delete_files([r["name"] for r in renditions]))
            return 0
        image.renditions = renditions
        image.save(update_fields=["renditions"])
    return len(renditions)


@transaction.atomic
def change_slug(*, article: Article, old_slug: str) -> None:
    """Keep an article's former address answering with a permanent redirect."""
    if not old_slug or old_slug == article.slug:
        return
    # The new slug may be an address this article (or another) used before.
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})
