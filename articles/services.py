"""Actions on articles that write more than one row or touch files."""

from django.db import transaction

from articles import images
from articles.models import Article, Image, SlugRedirect


def store_image(*, image: Image, upload, clean: images.CleanPicture | None = None) -> Image:
    """
    Store an uploaded picture without its metadata, with its renditions.

    `clean` is the upload already decoded (by a form that validated it). Raises
    images.InvalidImage, with a message for the editor, when the upload is not a picture
    we accept; nothing is stored then.
    """
    clean = clean or images.decode(upload)
    stale = [image.file.name, *(r["name"] for r in image.renditions)] if image.pk else []
    master = images.master_file(clean, upload.name)
    image.file.save(master.name, master, save=False)
    image.renditions = images.make_renditions(clean, image.file.name)
    image.save()
    stale = [name for name in stale if name and name != image.file.name]
    transaction.on_commit(lambda: images.delete_files(stale))
    return image


@transaction.atomic
def change_slug(*, article: Article, old_slug: str) -> None:
    """Keep an article's former address answering with a permanent redirect."""
    if not old_slug or old_slug == article.slug:
        return
    # The new slug may be an address this article (or another) used before.
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})
