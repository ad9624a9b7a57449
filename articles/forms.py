from django import forms
from django.conf import settings
from django.utils.html import strip_tags
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import InlineStyle, Media

from articles import images
from articles.models import Article, Image
from articles.text import CleanTextMixin

# What the body editor can produce: a subset of articles.sanitize.ALLOWED_TAGS, which
# stays the one trust boundary (Article.save cleans the body whatever the editor sent).
BODY_EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    # django-prose-editor turns the browser's spellcheck off by default; journalists want it.
    "NoSpellCheck": False,
}

# Tiptap, the editor's core, adds its base stylesheet as a <style data-tiptap-style> element
# without a nonce, which our CSP blocks: ProseMirror then lacks the white-space rule it needs
# and typed spaces go astray. Tiptap reuses such an element if the page has one, so the widget
# ships it as media and the admin renders it with the request's nonce, like the editor's
# scripts. The rules are @tiptap/core's own (src/style.ts); review them on upgrades.
TIPTAP_BASE_STYLE = InlineStyle(
    ".ProseMirror{position:relative;word-wrap:break-word;white-space:pre-wrap;"
    "white-space:break-spaces;-webkit-font-variant-ligatures:none;font-variant-ligatures:none;"
    'font-feature-settings:"liga" 0}'
    '.ProseMirror [contenteditable="false"]{white-space:normal}'
    '.ProseMirror [contenteditable="false"] [contenteditable="true"]{white-space:pre-wrap}'
    ".ProseMirror pre{white-space:pre-wrap}"
    "img.ProseMirror-separator{display:inline!important;border:none!important;"
    "margin:0!important;width:0!important;height:0!important}"
    ".ProseMirror-gapcursor{display:none;pointer-events:none;position:absolute;margin:0}"
    '.ProseMirror-gapcursor:after{content:"";display:block;position:absolute;top:-2px;'
    "width:20px;border-top:1px solid black;"
    "animation:ProseMirror-cursor-blink 1.1s steps(2,start) infinite}"
    "@keyframes ProseMirror-cursor-blink{to{visibility:hidden}}"
    ".ProseMirror-hideselection *::selection{background:transparent}"
    ".ProseMirror-hideselection *::-moz-selection{background:transparent}"
    ".ProseMirror-hideselection *{caret-color:transparent}"
    ".ProseMirror-focused .ProseMirror-gapcursor{display:block}",
    **{"data-tiptap-style": ""},
)


class BodyEditorWidget(AdminProseEditorWidget):
    """The admin's ProseMirror editor, limited to BODY_EDITOR_EXTENSIONS."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs, config={"extensions": BODY_EDITOR_EXTENSIONS}, preset="configurable"
        )

    @property
    def media(self):
        return super().media + Media(css={"all": [TIPTAP_BASE_STYLE]})


class ArticleAdminForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "standfirst",
            "body",
            "authors",
            "section",
            "tags",
            "source",
            "featured_image",
            "status",
            "published_at",
            "comments_open",
            "auto_see_also",
        ]
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 3}),
            "body": BodyEditorWidget,
        }

    def clean_body(self):
        # The editor always sends at least one block: "<p></p>" is an empty body.
        body = self.cleaned_data["body"]
        if not strip_tags(body).strip():
            raise forms.ValidationError(self.fields["body"].error_messages["required"], "required")
        return body


class UploadImageField(forms.ImageField):
    """An ImageField that refuses files over NEWSROOM_MAX_UPLOAD_MB before reading them."""

    def to_python(self, data):
        limit = settings.NEWSROOM_MAX_UPLOAD_MB
        if data is not None and getattr(data, "size", 0) > limit * 1024 * 1024:
            raise forms.ValidationError(
                "This file is %(size)s MB; the limit is %(limit)s MB. "
                "Save a smaller version of the picture and upload it again.",
                code="file_too_large",
                params={"size": f"{data.size / 1024 / 1024:.1f}", "limit": limit},
            )
        return super().to_python(data)


class ImageAdminForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit"]
        field_classes = {"file": UploadImageField}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if "file" in self.changed_data:
            try:
                # Kept for the save, so the picture is decoded once.
                self.clean_picture = images.decode(upload)
            except images.InvalidImage as error:
                raise forms.ValidationError(str(error), code="invalid_image") from None
        return upload
