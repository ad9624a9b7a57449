from django import forms

from articles import images
from articles.models import Article, Image


class ArticleAdminForm(forms.ModelForm):
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
        ]
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 24, "class": "vLargeTextField"}),
        }


class ImageAdminForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if "file" in self.changed_data:
            try:
                images.decode(upload)
            except images.InvalidImage as error:
                raise forms.ValidationError(str(error), code="invalid_image") from None
        return upload
