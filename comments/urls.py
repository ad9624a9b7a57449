from django.urls import path
from django.views.decorators.http import require_http_methods

from comments import views

app_name = "comments"

urlpatterns = [
    path("comments/post/<int:article_id>/", views.post_comment, name="post"),
    path(
        "comments/<int:comment_id>/report/",
        # The form (GET, HEAD) and the report (POST); nothing else.
        require_http_methods(["GET", "HEAD", "POST"])(views.report_comment),
        name="report",
    ),
]
