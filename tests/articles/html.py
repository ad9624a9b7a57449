"""Reading pages as a reader sees them: parsed, by class, as visible text."""

from lxml import html as lxml_html


def parse(response):
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content)


def by_class(node, name: str, tag: str = "*") -> list:
    """The elements under `node` carrying the CSS class `name`."""
    return node.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def text(node) -> str:
    """An element's visible text with its whitespace collapsed."""
    return " ".join(node.text_content().split())


def card_titles(client, url: str) -> list[str]:
    """The titles of the cards on a page, in order."""
    return [text(title) for title in by_class(parse(client.get(url)), "card-title")]


def headings(document) -> list[int]:
    """The levels of the page's headings, in document order."""
    return [int(h.tag[1]) for h in document.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
