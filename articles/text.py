"""
The one rule for plain text: which characters a title, name, caption or comment may hold.

Control characters (a vertical tab pasted from a word processor, a null byte, C1 controls)
and Unicode non-characters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF, unpaired surrogates) have no
meaning in text people read, and XML 1.0 forbids most of them: one in a title turns every
feed listing the article into an error and the news sitemap into invalid XML. Forms and
models clean text with this module on the way in; feeds and sitemaps clean what was stored
before on the way out.

It imports no model, so every app (comments included) can use it.
"""

import re

from django import forms

# Characters a word processor or a browser uses to break a line: a line break in
# multi-line text, a space in a one-line field.
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# The last two code points of every plane are non-characters.
NON_CHARACTERS = "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
# Controls (C0 but tab and the line breaks above, DEL, C1), surrogates and non-characters.
UNWANTED = re.compile(
    f"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef{NON_CHARACTERS}]"
)
ONE_LINE_BREAKS = re.compile(f"[\t{LINE_BREAKS}]+")
MULTILINE_BREAKS = re.compile(f"\r\n|[{LINE_BREAKS}]")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """
    `value` without control characters or non-characters, stripped.

    Multi-line text keeps tabs and newlines (every kind of line break becomes "\\n");
    one-line text gets a single space wherever a tab or a line break was.
    """
    value = UNWANTED.sub("", value)
    breaks, replacement = (MULTILINE_BREAKS, "\n") if multiline else (ONE_LINE_BREAKS, " ")
    return breaks.sub(replacement, value).strip()


def clean_model_text(instance) -> None:
    """
    Clean every CharField and TextField of a model instance, for its Model.clean().

    Raises ValidationError for a required field left empty by the cleaning (it held only
    control characters), as Django would have for an empty one.
    """
    errors = {}
    for field in instance._meta.concrete_fields:
        kind = field.get_internal_type()
        if kind not in ("CharField", "TextField") or field.generated:
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        cleaned = clean_text(value, multiline=kind == "TextField")
        setattr(instance, field.attname, cleaned)
        if value and not cleaned and not field.blank:
            errors[field.name] = forms.ValidationError(field.error_messages["blank"], code="blank")
    if errors:
        raise forms.ValidationError(errors)


class CleanTextMixin:
    """
    A form mixin cleaning every text field's value with clean_text, after its own checks.

    A Textarea keeps its line breaks. A required field that held only control characters
    gets the usual "This field is required." error.
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            value = cleaned_data.get(name)
            if not isinstance(field, forms.CharField) or not isinstance(value, str):
                continue
            cleaned_data[name] = clean_text(
                value, multiline=isinstance(field.widget, forms.Textarea)
            )
            if value and not cleaned_data[name] and field.required:
                self.add_error(name, forms.ValidationError(field.error_messages["required"]))
        return cleaned_data
