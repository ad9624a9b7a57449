"""Plain make_* functions: the smallest valid rows, with overrides."""

import io
from datetime import timedelta
from itertools import count

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage

from articles import services
from articles.models import Article, Author, Image, Section, Tag

_sequence = count(1)


def make_user(**overrides):
    n = next(_sequence)
    fields = {"username": f"user{n}", "email": f"user{n}@example.com"} | overrides
    password = fields.pop("password", "a-long-test-password")
    groups = fields.pop("groups", [])
    user = get_user_model().objects.create_user(password=password, **fields)
    user.groups.add(*groups)
    return user


def make_section(**overrides):
    n = next(_sequence)
    return Section.objects.create(**({"name": f"Section {n}", "slug": f"section-{n}"} | overrides))


def make_tag(**overrides):
    n = next(_sequence)
    return Tag.objects.create(**({"name": f"Tag {n}", "slug": f"tag-{n}"} | overrides))


def make_author(**overrides):
    n = next(_sequence)
    return Author.objects.create(
        **({"display_name": f"Author {n}", "slug": f"author-{n}"} | overrides)
    )


def image_bytes(size=(800, 500), image_format="JPEG", colour=(30, 90, 160), **save_options):
    buffer = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" and len(colour) == 4 else "RGB"
    PILImage.new(mode, size, colour).save(buffer, image_format, **save_options)
    return buffer.getvalue()


def make_image(**overrides):
    upload = ContentFile(overrides.pop("content", None) or image_bytes(), name="picture.jpg")
    image = Image(**({"alt_text": "A test picture"} | overrides))
    return services.store_image(image=image, upload=upload)


def make_article(**overrides):
    """A published article (one hour old) with one author, unless told otherwise."""
    n = next(_sequence)
    authors = overrides.pop("authors", None)
    tags = overrides.pop("tags", [])
    fields = {
        "title": f"Article {n}",
        "slug": f"article-{n}",
        "standfirst": f"Standfirst of article {n}.",
        "body": f"<p>First paragraph of article {n}.</p><p>Second paragraph.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=1),
    } | overrides
    if "section" not in fields:
        fields["section"] = make_section()
    article = Article.objects.create(**fields)
    article.authors.set(authors if authors is not None else [make_author()])
    article.tags.set(tags)
    return article


def make_comment(**overrides):
    """An approved comment, unless told otherwise."""
    from comments.models import Comment
    from comments.services.posting import content_hash

    n = next(_sequence)
    fields = {
        "author_name": f"Reader {n}",
        "author_email": f"reader{n}@example.com",
        "content": f"Comment number {n}.",
        "status": Comment.Status.APPROVED,
        "verdict": Comment.Verdict.HAM,
        "ip_address": "203.0.113.7",
        "user_agent": "Mozilla/5.0",
    } | overrides
    if "article" not in fields:
        fields["article"] = make_article()
    fields["content_hash"] = content_hash(
        article=fields["article"], email=fields["author_email"], content=fields["content"]
    )
    return Comment.objects.create(**fields)  # depth and thread follow from the parent
