"""
The demo content, kept as data files beside this module and read by the seed_demo command.

content/site.json     sections, journalists, the moderator, comments, "See also" links,
                      editor's picks and third-party snippets
content/articles/     one Markdown file per article, named after its slug: TOML front matter
                      between +++ lines (title, section, authors, tags, standfirst, image, and
                      when it appears: days_ago and hour, hours_ahead for a scheduled one, or
                      draft = true), then the body. The body follows Markdown's two basic
                      rules only: blank lines separate paragraphs, and a block that starts
                      with an HTML tag is HTML (the site's sanitiser cleans it on save).
"""

import json
import re
import tomllib
from pathlib import Path

from django.utils.html import escape

CONTENT_DIR = Path(__file__).resolve().parent / "content"

FRONT_MATTER = re.compile(r"\A\+\+\+\n(?P<meta>.*?)\n\+\+\+\n(?P<body>.*)\Z", re.DOTALL)


class ContentError(ValueError):
    """A demo data file that cannot be read; the message names the file."""


def site() -> dict:
    path = CONTENT_DIR / "site.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ContentError(f"{path.name}: {error}") from error


def articles() -> list[dict]:
    """Every article file, in the order of their names."""
    return [read_article(path) for path in sorted((CONTENT_DIR / "articles").glob("*.md"))]


def read_article(path: Path) -> dict:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if match is None:
        raise ContentError(f"{path.name}: the file must start with front matter between +++ lines")
    try:
        entry = tomllib.loads(match["meta"])
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: {error}") from error
    return entry | {"slug": path.stem, "body": render_body(match["body"])}


def render_body(text: str) -> str:
    """Paragraphs become <p> (escaped); blocks written as HTML pass through."""
    blocks = [
        " ".join(line.strip() for line in block.splitlines())
        for block in re.split(r"\n\s*\n", text.strip())
    ]
    return "\n".join(
        block if block.startswith("<") else f"<p>{escape(block)}</p>" for block in blocks if block
    )
