"""Every page type, public and admin, is valid HTML as the Nu HTML Checker reads it.

The pages are rendered by the test client, written to files and checked by one run of
vnu.jar (the npm package `vnu-jar`, installed by `make test`; `VNU_JAR` points elsewhere).
"""

import json
import os
import shutil
import subprocess
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import server_error

from articles.models import SeeAlso
from tests.factories import (
    make_article,
    make_author,
    make_comment,
    make_image,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR", settings.BASE_DIR / ".cache/node/node_modules/vnu-jar/build/dist/vnu.jar"
    )
)

# A document with one known error, checked with the others: proves the checker read the
# files and that its answer is parsed, so "0 errors" cannot come from a broken run.
CANARY_NAME = "canary.html"
CANARY = (
    '<!doctype html><html lang="en"><title>Canary</title><p id="a"></p><p id="a"></p>'
    '<p aria-describedby="a nowhere"></p>'
)


def check_html(files: list[Path]) -> dict[str, list[dict]]:
    """{file name: the checker's error messages}, from one run over every file."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("The HTML checker needs Java 17 or newer on the PATH.")
    if not VNU_JAR.is_file():
        pytest.fail(f"The HTML checker is not installed at {VNU_JAR}: run `make vnu`.")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The HTML checker gave no report (exit {result.returncode}):\n{result.stderr}")
    errors = {path.name: [] for path in files}
    for message in messages:
        name = Path(message.get("url", "")).name
        errors.setdefault(name, []).append(message)
    return errors


# Attributes that name other elements by id. The checker does not follow them, and one that
# points at nothing leaves a screen reader with a description or label that never comes.
ID_REFERENCES = {
    "aria-activedescendant",
    "aria-controls",
    "aria-describedby",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
    "aria-labelledby",
    "aria-owns",
}


class IdReferences(HTMLParser):
    """The ids a document defines, and each reference to an id it makes."""

    def __init__(self):
        super().__init__()
        self.ids = set()
        self.references = []

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        for attribute, value in attrs:
            if attribute == "id" and value:
                self.ids.add(value)
            elif attribute in ID_REFERENCES and value:
                self.references.append((line, column + 1, tag, attribute, value.split()))


def missing_references(html: str) -> list[dict]:
    """Each reference to an id the document lacks, as a message in the checker's shape."""
    parser = IdReferences()
    parser.feed(html)
    return [
        {
            "lastLine": line,
            "firstColumn": column,
            "message": f"“{attribute}” on “{tag}” names “{name}”: no element has that id.",
        }
        for line, column, tag, attribute, names in parser.references
        for name in names
        if name not in parser.ids
    ]


def describe(errors: dict[str, list[dict]]) -> str:
    """Each error as `page line:column message`, with the markup it points at."""
    lines = []
    for name, messages in errors.items():
        for message in sorted(messages, key=lambda message: message.get("lastLine", 0)):
            where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
            lines.append(f"{name} {where} {message['message']}")
            if message.get("extract"):
                lines.append(f"    {message['extract'].strip()}")
    return "\n".join(lines)


def fetch(client, url: str, *, status: int = 200, shows: str = "") -> str:
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    assert shows in html, (url, shows)
    return html


@pytest.fixture
def newsroom(journalist):
    """An article with everything its page can show, and the rows the other pages list."""
    section = make_section(name="Europe", slug="europe", description="News from Europe.")
    tag = make_tag(name="Diplomacy", slug="diplomacy")
    author = journalist.author
    image = make_image(alt_text="Flags outside the venue", caption="The venue.", credit="Staff")
    earlier = make_article(
        title="Baltic ministers prepare",
        section=section,
        tags=[tag],
        authors=[author],
        featured_image=make_image(alt_text="A harbour"),
        published_at=timezone.now() - timedelta(days=1),
    )
    article = make_article(
        title="Ministers meet in Stockholm",
        slug="ministers-meet",
        section=section,
        tags=[tag, make_tag(name="Sweden", slug="sweden")],
        authors=[author, make_author(display_name="Erik Berg", slug="erik-berg")],
        featured_image=image,
        body="<p>The ministers met.</p><p>They will meet again.</p><p>In Tallinn.</p>",
    )
    SeeAlso.objects.create(article=article, target=earlier, after_paragraph=1)
    make_article(title="Elsewhere in Europe", section=section, tags=[tag])
    parent = make_comment(article=article, content="Good to see talks.\n\nA second paragraph.")
    make_comment(article=article, parent=parent, content='I agree & I\'d add: "keep going".')
    return {"article": article, "section": section, "tag": tag, "author": author, "image": image}


def public_pages(client, newsroom) -> dict[str, str]:
    article = newsroom["article"]
    return {
        "home.html": fetch(client, "/", shows=article.title),
        "article.html": fetch(client, article.get_absolute_url(), shows="Good to see talks."),
        "section.html": fetch(client, newsroom["section"].get_absolute_url(), shows=article.title),
        "tag.html": fetch(client, newsroom["tag"].get_absolute_url(), shows=article.title),
        "author.html": fetch(client, newsroom["author"].get_absolute_url(), shows=article.title),
        "search.html": fetch(client, "/search/?q=ministers", shows="search-result-title"),
        "privacy.html": fetch(client, reverse("privacy"), shows="Privacy"),
        "cookie-settings.html": fetch(
            client, reverse("cookie_consent_cookie_group_list"), shows="Analytics"
        ),
        "not-found.html": fetch(client, "/articles/no-such-story/", status=404),
        # Django's handler renders it with no context: there is no URL to fetch it by.
        "server-error.html": server_error(RequestFactory().get("/")).content.decode(),
    }


def comment_form_pages(client, newsroom) -> dict[str, str]:
    """The article page as a commenter sees it after an invalid post and a held one."""
    article = newsroom["article"]
    post_url = reverse("comments:post", args=[article.pk])
    refused = client.post(post_url, {"content": "", "author_name": "", "author_email": "me@"})
    assert refused.status_code == 400
    assert "errorlist" in refused.content.decode()
    posted = client.post(
        post_url,
        {"content": "Held for now.", "author_name": "Ida", "author_email": "ida@example.com"},
        follow=True,
    )
    assert posted.status_code == 200
    assert "Held for now." in posted.content.decode()
    comment = article.comments.first()
    closed = make_article(title="An old story", comments_open=False)
    not_posted = client.post(
        reverse("comments:post", args=[closed.pk]),
        {"content": "Too late.", "author_name": "Ida", "author_email": "ida@example.com"},
    )
    assert not_posted.status_code == 403
    assert "Comments are closed" in not_posted.content.decode()
    return {
        "article-form-errors.html": refused.content.decode(),
        "article-own-comment.html": posted.content.decode(),
        "comment-not-posted.html": not_posted.content.decode(),
        "comment-report.html": fetch(
            client, reverse("comments:report", args=[comment.pk]), shows="Report"
        ),
    }


def admin_pages(client, newsroom, journalist, moderator) -> dict[str, str]:
    article, image = newsroom["article"], newsroom["image"]
    comment = article.comments.first()
    client.force_login(journalist)
    pages = {
        "admin-article.html": fetch(
            client, reverse("admin:articles_article_change", args=[article.pk]), shows="Picture"
        ),
        "admin-article-add.html": fetch(
            client, reverse("admin:articles_article_add"), shows="Picture"
        ),
        "admin-author.html": fetch(
            client,
            reverse("admin:articles_author_change", args=[newsroom["author"].pk]),
            shows="Photo",
        ),
        "admin-image.html": fetch(
            client, reverse("admin:articles_image_change", args=[image.pk]), shows=image.alt_text
        ),
    }
    client.force_login(moderator)
    pages["admin-comment.html"] = fetch(
        client, reverse("admin:comments_comment_change", args=[comment.pk]), shows="Moderation"
    )
    return pages


def test_every_page_type_is_valid_html(client, newsroom, journalist, moderator, tmp_path):
    public = public_pages(client, newsroom) | comment_form_pages(client, newsroom)
    # The article page shows what the test is meant to cover.
    assert 'class="see-also"' in public["article.html"]
    assert "You may also like" in public["article.html"]
    assert "I agree" in public["article.html"]
    pages = public | admin_pages(client, newsroom, journalist, moderator)
    pages[CANARY_NAME] = CANARY
    files = []
    for name, html in pages.items():
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        files.append(path)

    errors = check_html(files)

    canary = errors.pop(CANARY_NAME)
    canary += missing_references(CANARY)
    assert [message["message"] for message in canary] == [
        "Duplicate ID “a”.",
        "“aria-describedby” on “p” names “nowhere”: no element has that id.",
    ]
    # Django's admin widgets point at help text their scripts add later (the time zone
    # warning), so id references are followed on the public pages only.
    for name, html in public.items():
        errors[name] += missing_references(html)
    errors = {name: messages for name, messages in errors.items() if messages}
    if errors:
        pytest.fail("Invalid HTML (page line:column):\n" + describe(errors), pytrace=False)
