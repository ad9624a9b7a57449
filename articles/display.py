"""
How the admin lists show text people typed: isolated, so a bidi override in a name or a
comment cannot reorder the columns around it, and kept to one line with the full text on hover.
"""

from django.utils.html import format_html


def isolated(text) -> str:
    """User text in its own bidi context."""
    return format_html("<bdi>{}</bdi>", text)


def one_line(text, shown=None) -> str:
    """User text on one line, cut with an ellipsis by admin.css; the whole text as a tooltip."""
    return format_html(
        '<span class="one-line" title="{}"><bdi>{}</bdi></span>',
        text,
        text if shown is None else shown,
    )
