"""Illustrations for the demo content, drawn with Pillow so the demo needs no downloads."""

import io
import math
import random

from PIL import Image as PILImage
from PIL import ImageDraw

CANVAS = (1600, 1000)  # the motifs are drawn on this canvas
SIZE = CANVAS  # the size of the file produced


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw(palette: tuple[str, str], motif: str, seed: str) -> bytes:
    """A JPEG illustration: a gradient in the palette with a simple motif on top."""
    rng = random.Random(seed)
    dark, light = _hex(palette[0]), _hex(palette[1])
    width, height = CANVAS
    # A vertical gradient from the dark colour towards the light one.
    mask = PILImage.linear_gradient("L").resize(CANVAS).point(lambda v: v * 0.8)
    picture = PILImage.composite(
        PILImage.new("RGB", CANVAS, light), PILImage.new("RGB", CANVAS, dark), mask
    )
    pen = ImageDraw.Draw(picture)

    ink = _mix(dark, (0, 0, 0), 0.35)
    glow = _mix(light, (255, 255, 255), 0.5)
    match motif:
        case "skyline":
            x = 0
            while x < width:
                w, h = rng.randint(60, 160), rng.randint(200, 700)
                pen.rectangle([x, height - h, x + w, height], fill=ink)
                for wy in range(height - h + 20, height - 20, 40):
                    for wx in range(x + 12, x + w - 12, 28):
                        if rng.random() < 0.4:
                            pen.rectangle([wx, wy, wx + 10, wy + 16], fill=glow)
                x += w + rng.randint(4, 20)
        case "podium":
            pen.ellipse([500, 120, 1100, 720], fill=glow)
            pen.polygon([(560, 1000), (640, 560), (960, 560), (1040, 1000)], fill=ink)
            for i in range(7):
                pen.line([(800, 560), (400 + i * 130, 430)], fill=ink, width=6)
        case "chart":
            points = [(x, 700 - rng.randint(0, 420)) for x in range(80, width - 40, 120)]
            for x in range(80, width, 120):
                pen.line([(x, 150), (x, 880)], fill=_mix(dark, light, 0.5), width=2)
            pen.line(points, fill=glow, width=14, joint="curve")
            for x, y in points:
                pen.ellipse([x - 14, y - 14, x + 14, y + 14], fill=glow)
        case "circuit":
            for _ in range(70):
                x, y = rng.randrange(0, width, 40), rng.randrange(0, height, 40)
                dx, dy = rng.choice([(1, 0), (0, 1)])
                length = rng.randint(3, 12) * 40
                pen.line([(x, y), (x + dx * length, y + dy * length)], fill=glow, width=6)
                pen.ellipse([x - 10, y - 10, x + 10, y + 10], fill=glow)
            pen.rectangle([620, 340, 980, 660], fill=ink, outline=glow, width=8)
        case "waves":
            for band in range(9):
                base = 250 + band * 85
                wave = [(x, base + 40 * math.sin(x / 140 + band)) for x in range(0, width + 20, 20)]
                pen.line(wave, fill=_mix(glow, dark, band / 10), width=18)
        case "mountains":
            pen.ellipse([1150, 120, 1350, 320], fill=glow)
            for layer in range(3):
                shade = _mix(ink, light, layer * 0.25)
                peaks = [(0, height)]
                x = -100
                while x < width + 200:
                    peaks.append((x, rng.randint(380 + layer * 120, 620 + layer * 120)))
                    x += rng.randint(180, 320)
                peaks.append((width, height))
                pen.polygon(peaks, fill=shade)
        case "stage":
            pen.rectangle([0, 760, width, height], fill=ink)
            for i in range(5):
                cx = 250 + i * 280
                pen.polygon(
                    [(cx, 0), (cx - 160, 760), (cx + 160, 760)], fill=_mix(light, glow, 0.5)
                )
            pen.rectangle([0, 0, width, 90], fill=_mix(ink, (120, 0, 0), 0.5))
        case _:  # orbit
            pen.ellipse([650, 350, 950, 650], fill=glow)
            for r in (260, 380, 500):
                pen.ellipse(
                    [800 - r, 500 - r * 0.45, 800 + r, 500 + r * 0.45], outline=glow, width=4
                )
            for _ in range(120):
                x, y = rng.randrange(width), rng.randrange(height)
                pen.ellipse([x, y, x + 4, y + 4], fill=(255, 255, 255))

    if SIZE != CANVAS:
        picture = picture.resize(SIZE)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
