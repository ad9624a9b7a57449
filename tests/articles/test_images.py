import io
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image as PILImage

from articles import images, services
from articles.models import Image
from tests.factories import image_bytes, make_article, make_image
from tests.worker import run_worker

pytestmark = pytest.mark.django_db


def jpeg_with_exif(size=(600, 400), orientation=None, gps=True) -> bytes:
    picture = PILImage.new("RGB", size, (200, 40, 40))
    # Mark the top-left corner so rotation can be observed.
    picture.paste((0, 0, 255), (0, 0, 60, 60))
    exif = PILImage.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (59.0, 20.0, 0.0), 3: "E", 4: (18.0, 4.0, 0.0)}
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def stored(name: str) -> PILImage.Image:
    with default_storage.open(name) as handle:
        picture = PILImage.open(io.BytesIO(handle.read()))
        picture.load()
        return picture


def test_renditions_are_made_on_save_in_webp_and_jpeg():
    image = make_image(content=image_bytes(size=(1000, 500)))

    formats = {(r["width"], r["format"]) for r in image.renditions}
    assert formats == {(320, "webp"), (320, "jpeg"), (640, "webp"), (640, "jpeg")}
    for rendition in image.renditions:
        picture = stored(rendition["name"])
        assert picture.format == rendition["format"].upper()
        assert picture.size == (rendition["width"], rendition["height"])
    assert (image.width, image.height) == (1000, 500)


def test_each_width_is_made_once_for_large_pictures(settings):
    settings.NEWSROOM_IMAGE_BACKGROUND_PIXELS = 4_000_000  # made during the upload
    image = make_image(content=image_bytes(size=(2400, 1200)))
    assert sorted(r["width"] for r in image.renditions if r["format"] == "webp") == [320, 640]


def test_small_pictures_are_never_upscaled():
    image = make_image(content=image_bytes(size=(200, 100)))
    assert {r["width"] for r in image.renditions} == {200}


def test_every_stored_file_is_stripped_of_metadata_including_gps():
    image = make_image(content=jpeg_with_exif())

    for name in [image.file.name, *(r["name"] for r in image.renditions)]:
        picture = stored(name)
        assert not picture.getexif(), name
        assert "exif" not in picture.info, name
        with default_storage.open(name) as handle:
            assert b"CameraMaker" not in handle.read()


def test_exif_orientation_is_applied():
    # Orientation 6: the camera was turned; the picture must be shown rotated 90° clockwise.
    image = make_image(content=jpeg_with_exif(size=(600, 400), orientation=6, gps=False))

    assert (image.width, image.height) == (400, 600)
    picture = stored(image.file.name).convert("RGB")
    red, green, blue = picture.getpixel((picture.width - 10, 10))
    assert blue > 150 and red < 100  # the marked corner moved to the top right


def test_transparent_png_gets_a_white_background_in_jpeg():
    image = make_image(
        content=image_bytes(size=(400, 300), image_format="PNG", colour=(0, 0, 0, 0))
    )
    jpeg = next(r for r in image.renditions if r["format"] == "jpeg")
    assert stored(jpeg["name"]).convert("RGB").getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a picture at all", "not a picture we accept"),
        (image_bytes(image_format="TIFF"), "not a picture we accept"),
        (image_bytes()[:400], "damaged or incomplete"),
    ],
    ids=["text", "tiff", "truncated"],
)
def test_bad_files_are_refused_with_a_clear_message(content, message):
    with pytest.raises(images.InvalidImage, match=message):
        images.decode(ContentFile(content, name="upload.jpg"))


def test_decompression_bombs_are_refused(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 1_000_000
    bomb = image_bytes(size=(2000, 2000), image_format="PNG")
    with pytest.raises(images.InvalidImage, match="megapixels"):
        images.decode(ContentFile(bomb, name="bomb.png"))


def test_pillow_bomb_warning_is_treated_as_an_error(monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 100_000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(images.InvalidImage, match="too large"):
            images.decode(ContentFile(image_bytes(size=(400, 300)), name="big.jpg"))


def test_animated_gifs_are_refused():
    frames = [PILImage.new("RGB", (50, 50), colour) for colour in ((255, 0, 0), (0, 255, 0))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    with pytest.raises(images.InvalidImage, match="Animated"):
        images.decode(ContentFile(buffer.getvalue(), name="anim.gif"))


def test_admin_upload_of_a_non_image_shows_a_form_error(admin_client):
    response = admin_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(b"GIF89a but not really", name="fake.gif"), "alt_text": "Fake"},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Image.objects.exists()


def test_an_upload_over_the_size_limit_is_refused_and_nothing_is_stored(
    journalist_client, settings
):
    assert settings.NEWSROOM_MAX_UPLOAD_MB == 20
    large = b"\xff\xd8\xff\xe0" + bytes(21 * 1024 * 1024)

    response = journalist_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(large, name="huge.jpg"), "alt_text": "A huge picture"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["file"] == [
        "This file is 21.0 MB; the limit is 20 MB. "
        "Save a smaller version of the picture and upload it again."
    ]
    assert not Image.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [path for path in media.rglob("*") if path.is_file()]


def test_the_upload_limit_follows_the_setting(journalist_client, settings):
    settings.NEWSROOM_MAX_UPLOAD_MB = 1
    response = journalist_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(bytes(2 * 1024 * 1024), name="big.png"), "alt_text": "A big one"},
    )

    assert "the limit is 1 MB" in response.context["adminform"].form.errors["file"][0]
    assert not Image.objects.exists()


def test_admin_upload_requires_alt_text(admin_client):
    response = admin_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(image_bytes(), name="ok.jpg"), "alt_text": ""},
    )
    assert response.status_code == 200
    assert not Image.objects.exists()


def test_admin_upload_stores_a_clean_image_with_renditions(admin_client):
    response = admin_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(jpeg_with_exif(), name="scene.jpg"), "alt_text": "A street scene"},
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.renditions
    assert not stored(image.file.name).getexif()


def test_replacing_a_file_removes_the_old_renditions(django_capture_on_commit_callbacks):
    image = make_image()
    old_names = [r["name"] for r in image.renditions]

    with django_capture_on_commit_callbacks(execute=True):
        services.store_image(
            image=image, upload=ContentFile(image_bytes(size=(700, 700)), name="new.jpg")
        )

    assert all(not default_storage.exists(name) for name in old_names)
    assert all(default_storage.exists(r["name"]) for r in image.renditions)


def test_article_page_serves_a_responsive_picture(client, article):
    article.featured_image = make_image(content=image_bytes(size=(1000, 600)), alt_text="Harbour")
    article.save()

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<source type="image/webp" srcset="' in html
    assert "320w" in html and "640w" in html
    assert 'width="1000" height="600"' in html
    assert 'alt="Harbour"' in html
    assert "sizes=" in html


def picture_tags(html: str) -> list[dict[str, str]]:
    """The attributes of every <source> and <img> inside the page's <picture> elements."""
    found = []

    class Pictures(HTMLParser):
        inside = False

        def handle_starttag(self, tag, attrs):
            if tag == "picture":
                self.inside = True
            elif self.inside and tag in ("source", "img"):
                found.append({"tag": tag, **{name: value or "" for name, value in attrs}})

        def handle_endtag(self, tag):
            if tag == "picture":
                self.inside = False

    Pictures().feed(html)
    return found


def test_a_picture_without_renditions_shows_its_file_and_no_empty_srcset(client, article):
    image = make_image(content=image_bytes(size=(1000, 600)), alt_text="Harbour")
    Image.objects.filter(pk=image.pk).update(renditions=[])
    article.featured_image = image
    article.save()

    tags = picture_tags(client.get(article.get_absolute_url()).content.decode())

    assert [tag["tag"] for tag in tags] == ["img"]
    assert tags[0]["src"] == image.file.url
    assert "srcset" not in tags[0] and "sizes" not in tags[0]
    assert (tags[0]["width"], tags[0]["height"], tags[0]["alt"]) == ("1000", "600", "Harbour")


@pytest.mark.django_db(transaction=True)
def test_a_large_upload_returns_at_once_and_the_worker_makes_its_renditions(
    journalist_client, settings
):
    settings.NEWSROOM_IMAGE_BACKGROUND_PIXELS = 500_000
    response = journalist_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(image_bytes(size=(1200, 800)), name="crowd.jpg"), "alt_text": "Crowd"},
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.renditions == []  # the answer did not wait for them
    assert not default_storage.exists(f"{Path(image.file.name).parent}/renditions")
    article = make_article(featured_image=image)
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert [(tag["tag"], tag["src"]) for tag in picture_tags(page)] == [("img", image.file.url)]

    run_worker()

    image.refresh_from_db()
    assert {(r["width"], r["format"]) for r in image.renditions} == {
        (320, "webp"),
        (320, "jpeg"),
        (640, "webp"),
        (640, "jpeg"),
    }
    assert all(default_storage.exists(r["name"]) for r in image.renditions)
    source, img = picture_tags(journalist_client.get(article.get_absolute_url()).content.decode())
    assert source["type"] == "image/webp" and "320w" in source["srcset"]
    assert "640w" in img["srcset"] and img["src"].endswith(".jpg")
    assert img["src"] != image.file.url


def test_a_small_upload_gets_its_renditions_during_the_upload(journalist_client, settings):
    settings.NEWSROOM_IMAGE_BACKGROUND_PIXELS = 500_000
    journalist_client.post(
        reverse("admin:articles_image_add"),
        {"file": ContentFile(image_bytes(size=(600, 400)), name="small.jpg"), "alt_text": "Small"},
    )
    assert {r["width"] for r in Image.objects.get().renditions} == {320, 600}


def test_renditions_of_a_replaced_file_are_not_made(settings, django_capture_on_commit_callbacks):
    settings.NEWSROOM_IMAGE_BACKGROUND_PIXELS = 500_000
    image = make_image(content=image_bytes(size=(1200, 800)))
    first_file = image.file.name
    replacement = ContentFile(image_bytes(size=(300, 200)), name="b.jpg")
    services.store_image(image=image, upload=replacement)

    assert services.make_renditions(image_id=image.pk, file_name=first_file) == 0
    image.refresh_from_db()
    assert {r["width"] for r in image.renditions} == {300}
    # A second run of a task that already ran does nothing either.
    assert services.make_renditions(image_id=image.pk, file_name=image.file.name) == 0
