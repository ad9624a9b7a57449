"""
The image pipeline: decode safely, orient, strip metadata, make renditions.

Pillow alone does this in a few lines, with the guards under our control; the
thumbnail libraries (sorl-thumbnail, easy-thumbnails, django-imagekit) make
renditions lazily on a reader's request or keep metadata, which we refuse.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

# Decoders we trust with uploads; everything else (TIFF, PSD, EPS, ...) is refused.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
RENDITION_FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "progressive": True, "optimize": True}),
}


class InvalidImage(ValueError):
    """The upload is not a picture we can safely store; the message is for the editor."""


@dataclass
class CleanPicture:
    picture: PILImage.Image  # decoded, upright, without metadata
    has_alpha: bool

    @property
    def size(self) -> tuple[int, int]:
        return self.picture.size


def decode(upload) -> CleanPicture:
    """Decode an uploaded file, refusing anything that is not a plain, sane picture."""
    max_pixels = settings.NEWSROOM_IMAGE_MAX_PIXELS
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(upload, formats=ALLOWED_FORMATS) as original:
                width, height = original.size
                if width * height > max_pixels:
                    raise InvalidImage(
                        f"This picture is {width}×{height} pixels; the limit is "
                        f"{max_pixels // 1_000_000} megapixels. Resize it and upload it again."
                    )
                if getattr(original, "is_animated", False):
                    raise InvalidImage("Animated images are not accepted; upload a still picture.")
                original.load()
                upright = ImageOps.exif_transpose(original)
        except InvalidImage:
            raise
        except UnidentifiedImageError:
            raise InvalidImage(
                "This file is not a picture we accept. Upload a JPEG, PNG, WebP or GIF image."
            ) from None
        except (
            PILImage.DecompressionBombWarning,
            PILImage.DecompressionBombError,
        ):
            raise InvalidImage("This picture is too large to process safely.") from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise InvalidImage(
                "This picture is damaged or incomplete and cannot be read."
            ) from None

    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    converted = upright.convert(mode)
    # Rebuild from raw pixels so no EXIF, GPS, XMP, ICC or comment survives.
    clean = PILImage.frombytes(mode, converted.size, converted.tobytes())
    return CleanPicture(picture=clean, has_alpha=has_alpha)


def encode(picture: PILImage.Image, image_format: str) -> bytes:
    pil_format, options = RENDITION_FORMATS[image_format]
    if pil_format == "JPEG" and picture.mode != "RGB":
        background = PILImage.new("RGB", picture.size, (255, 255, 255))
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    buffer = io.BytesIO()
    picture.save(buffer, pil_format, **options)
    return buffer.getvalue()


def master_file(clean: CleanPicture, original_name: str) -> ContentFile:
    """The stored original: full size, re-encoded without metadata."""
    stem = PurePosixPath(original_name).stem or "image"
    if clean.has_alpha:
        buffer = io.BytesIO()
        clean.picture.save(buffer, "PNG", optimize=True)
        return ContentFile(buffer.getvalue(), name=f"{stem}.png")
    pil_format, options = RENDITION_FORMATS["jpeg"]
    buffer = io.BytesIO()
    clean.picture.save(buffer, pil_format, **{**options, "quality": 90})
    return ContentFile(buffer.getvalue(), name=f"{stem}.jpg")


def rendition_widths(original_width: int) -> list[int]:
    """The configured widths the picture can fill, and its own width when it is smaller."""
    configured = sorted(settings.NEWSROOM_IMAGE_WIDTHS)
    widths = [w for w in configured if w <= original_width]
    if original_width < configured[-1] and original_width not in widths:
        widths.append(original_width)
    return widths


def make_renditions(clean: CleanPicture, stored_name: str) -> list[dict]:
    """Write every width in WebP and JPEG next to the stored file; return their descriptions."""
    base = PurePosixPath(stored_name)
    width, height = clean.size
    renditions = []
    for target_width in rendition_widths(width):
        target_height = max(1, round(height * target_width / width))
        resized = (
            clean.picture
            if target_width == width
            else clean.picture.resize((target_width, target_height), PILImage.Resampling.LANCZOS)
        )
        for image_format in RENDITION_FORMATS:
            extension = "jpg" if image_format == "jpeg" else image_format
            name = str(base.parent / "renditions" / f"{base.stem}-{target_width}.{extension}")
            name = default_storage.save(name, ContentFile(encode(resized, image_format)))
            renditions.append(
                {
                    "width": target_width,
                    "height": target_height,
                    "format": image_format,
                    "name": name,
                }
            )
    return renditions


def delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
