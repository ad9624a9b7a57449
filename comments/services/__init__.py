"""
The comment pipeline's actions, one module per concern:

- posting: a visitor's comment (stored first, then checked) and a reader's report;
- checking: Akismet's verdicts, the re-check of what it could not judge, moderators' feedback;
- moderation: a moderator's decision and "check again";
- privacy: commenters' data (copy, erasure) and retention;
- notifications: the moderators' digest;
- history: the moderation history rows they all write.

The public names are re-exported here, so `from comments import services` reaches them all.
"""

from comments.services.checking import apply_verdict, recheck_unchecked_comments, send_feedback
from comments.services.history import record
from comments.services.moderation import ACTIONS, moderate_comment, recheck_comment
from comments.services.notifications import notify_moderators
from comments.services.posting import (
    REPLY_REFUSED,
    CommentRefused,
    CommentsClosed,
    RequestContext,
    Submission,
    TooFast,
    comments_open,
    content_hash,
    report_comment,
    submit_comment,
)
from comments.services.privacy import (
    ERASED_CONTENT,
    ERASED_EMAIL,
    ERASED_NAME,
    commenter_email,
    erase_comment_ips,
    erase_commenter_data,
    export_commenter_data,
    purge_discarded_spam,
)

__all__ = [
    "ACTIONS",
    "ERASED_CONTENT",
    "ERASED_EMAIL",
    "ERASED_NAME",
    "REPLY_REFUSED",
    "CommentRefused",
    "CommentsClosed",
    "RequestContext",
    "Submission",
    "TooFast",
    "apply_verdict",
    "commenter_email",
    "comments_open",
    "content_hash",
    "erase_comment_ips",
    "erase_commenter_data",
    "export_commenter_data",
    "moderate_comment",
    "notify_moderators",
    "purge_discarded_spam",
    "recheck_comment",
    "recheck_unchecked_comments",
    "record",
    "report_comment",
    "send_feedback",
    "submit_comment",
]
