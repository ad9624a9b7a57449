import pytest

from articles.sanitize import clean_html
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>Hi</p><script>alert(1)</script>", "<script"),
        ('<p onclick="steal()">Hi</p>', "onclick"),
        ('<a href="javascript:alert(1)">link</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">link</a>', "alert"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<p style="background:url(javascript:x)">Hi</p>', "style="),
        ("<style>body{display:none}</style><p>Hi</p>", "<style"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ("<!-- hidden comment --><p>Hi</p>", "hidden comment"),
        ('<form action="https://evil.example"><input name="x"></form>', "<form"),
    ],
)
def test_dangerous_markup_never_reaches_a_reader(dirty, forbidden):
    assert forbidden.lower() not in clean_html(dirty).lower()


def test_article_structure_is_kept():
    html = (
        "<h2>Background</h2><p>Text with <strong>bold</strong>, <em>italics</em> and "
        '<a href="https://example.org/report">a link</a>.</p>'
        "<blockquote><p>A quote.</p></blockquote><ul><li>One</li><li>Two</li></ul>"
    )
    cleaned = clean_html(html)
    for fragment in (
        "<h2>Background</h2>",
        "<strong>bold</strong>",
        "<blockquote>",
        "<li>Two</li>",
    ):
        assert fragment in cleaned
    assert 'href="https://example.org/report"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


def test_body_is_stored_sanitised_whatever_the_path(client):
    article = make_article(
        body='<p>Safe</p><script>alert("x")</script><p onmouseover="x()">Hover</p>'
    )
    article.refresh_from_db()
    assert "<script" not in article.body
    assert "onmouseover" not in article.body

    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alert("x")' not in html
    assert "<p>Hover</p>" in html


def test_titles_and_standfirsts_are_escaped(client):
    article = make_article(title="<script>alert(1)</script> Headline", standfirst="<b>bold</b>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Headline" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
