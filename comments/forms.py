from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from articles.text import CleanTextMixin, clean_text
from comments.models import CommentReport
from comments.spam import HONEYPOT_FIELD


class CommentForm(forms.Form):
    """Validates a visitor's comment; it never calls the network."""

    author_name = forms.CharField(label=_("Name"), max_length=80)
    author_email = forms.EmailField(
        label=_("Email"), max_length=254, help_text=_("Never published.")
    )
    author_url = forms.URLField(
        label=_("Website"),
        max_length=200,
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )
    content = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea)
    remember = forms.BooleanField(
        label=_("Save my name, email, and website in this browser for the next time I comment."),
        required=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    # Invisible to people (hidden with CSS and from assistive technology); bots fill it.
    honeypot = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Its name is HONEYPOT_FIELD (add_prefix below), written once.
        self.fields["honeypot"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["author_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["author_email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["author_url"].widget.attrs.update({"autocomplete": "url"})
        self.fields["content"].widget.attrs.update({"rows": 6, "maxlength": 5000})

    def add_prefix(self, field_name):
        # The honeypot keeps the name Akismet is told about.
        return HONEYPOT_FIELD if field_name == "honeypot" else super().add_prefix(field_name)

    def clean_author_name(self):
        name = clean_text(self.cleaned_data["author_name"])
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def clean_content(self):
        content = clean_text(self.cleaned_data["content"], multiline=True)
        if not content:
            raise forms.ValidationError(_("Please write a comment."))
        return content

    def clean_author_url(self):
        return clean_text(self.cleaned_data["author_url"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("honeypot"):
            raise forms.ValidationError(_("Your comment could not be accepted."), code="honeypot")
        return cleaned


class ReportForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = CommentReport
        fields = ["reason", "details"]
        widgets = {"reason": forms.RadioSelect}
        labels = {"details": "Anything to add? (optional)"}
