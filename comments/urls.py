from django.urls import path
from django.views.decorators.http import require_http_methods

from comments import views

app_name = "comments"

urlpatterns = [
    # POST only (the view refuses every other method with 405).
    path("comments/post/<int:article_id>/", views.PostCommentView.as_view(), name="post"),
    path(
        "comments/<int:comment_id>/report/",
        # The form (GET, HEAD) and the report (POST); nothing else.
        require_http_methods(["GET", "HEAD", "POST"])(views.report_comment),
        name="report",
    ),
]
