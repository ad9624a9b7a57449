"""Moderators at work: the queue, the actions, the history, and nothing else."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from comments import services
from comments.models import Comment
from tests.factories import make_article, make_comment
from tests.worker import run_worker

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


def act(client, action, *comments):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [c.pk for c in comments]},
        follow=True,
    )


def test_queue_counts_are_visible_from_the_admin_index(moderator_client):
    make_comment(status="pending", verdict="unchecked")
    make_comment(status="spam", verdict="spam")
    html = moderator_client.get(reverse("admin:index")).content.decode()
    assert "Comment moderation" in html
    assert "?queue=unchecked" in html


def test_queue_filter_shows_what_needs_review(moderator_client):
    make_comment(content="Held one.", status="pending")
    make_comment(content="Published one.")
    reported = make_comment(content="Reported one.")
    reported.reports.create(reason="abuse", reporter_key="k1")

    html = moderator_client.get(reverse(CHANGELIST), {"queue": "review"}).content.decode()

    assert "Held one." in html
    assert "Reported one." in html
    assert "Published one." not in html
    assert "Needs review (2)" in html


def test_approve_publishes_and_records_who_did_it(moderator_client, moderator):
    comment = make_comment(status="pending", verdict="unchecked")
    response = act(moderator_client, "approve", comment)
    assert "1 comment(s) approved." in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "approved"
    event = comment.events.last()
    assert (event.actor, event.action, event.from_status, event.to_status) == (
        moderator,
        "approve",
        "pending",
        "approved",
    )


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_mark_as_spam_tells_akismet(moderator_client, akismet):
    comment = make_comment()
    act(moderator_client, "mark_spam", comment)
    run_worker()  # the report goes from the task worker
    comment.refresh_from_db()
    assert comment.status == "spam"
    assert comment.feedback_pending == ""
    assert akismet.calls("submit-spam")[0]["comment_content"] == comment.content


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_not_spam_publishes_and_sends_ham(moderator_client, akismet):
    comment = make_comment(status="spam", verdict="spam")
    act(moderator_client, "mark_not_spam", comment)
    run_worker()
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert len(akismet.calls("submit-ham")) == 1


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_akismet_down_never_blocks_the_moderator(moderator_client, akismet):
    akismet.mode = "error"
    comment = make_comment()
    response = act(moderator_client, "mark_spam", comment)
    run_worker()
    assert response.status_code == 200
    comment.refresh_from_db()
    assert (comment.status, comment.feedback_pending) == ("spam", "spam")


def test_check_again_with_akismet(moderator_client, akismet):
    comment = make_comment(status="pending", verdict="unchecked")
    act(moderator_client, "check_again", comment)
    comment.refresh_from_db()
    assert (comment.status, comment.verdict) == ("approved", "ham")


def test_delete_after_confirmation(moderator_client):
    comment = make_comment()
    confirm = act(moderator_client, "delete_selected", comment)
    assert "Are you sure" in confirm.content.decode()
    moderator_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"},
    )
    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_comment_page_shows_article_verdict_reports_and_history(moderator_client):
    comment = make_comment(content="Look at me.", verdict="spam", status="spam")
    comment.reports.create(reason="spam", details="Selling things", reporter_key="k")
    comment.events.create(actor_label="Akismet", action="checked", to_status="spam", verdict="spam")
    html = moderator_client.get(
        reverse("admin:comments_comment_change", args=[comment.pk])
    ).content.decode()
    assert comment.article.title in html
    assert "Selling things" in html
    assert "Akismet" in html and "checked" in html


def test_moderators_can_do_this_and_nothing_else(moderator_client):
    article = make_article()
    for name, args in [
        ("admin:articles_article_add", []),
        ("admin:auth_user_changelist", []),
        ("admin:auth_group_changelist", []),
        ("admin:articles_section_changelist", []),
    ]:
        assert moderator_client.get(reverse(name, args=args)).status_code == 403, name
    response = moderator_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), {"title": "Changed"}
    )
    assert response.status_code == 403
    assert moderator_client.get(reverse(CHANGELIST)).status_code == 200


def test_journalists_cannot_moderate(journalist_client):
    assert journalist_client.get(reverse(CHANGELIST)).status_code == 403


# One-click moderation ---------------------------------------------------------------------

RLO = "\u202e"


def queue_row(response, comment):
    document = lxml_html.fromstring(response.content.decode())
    (row,) = document.xpath(
        f"//table[@id='result_list']//tr[.//input[@name='_selected_action'][@value='{comment.pk}']]"
    )
    return row


def buttons(row):
    return {" ".join(b.text_content().split()): b.get("formaction") for b in row.xpath(".//button")}


def csrf_token(response):
    document = lxml_html.fromstring(response.content.decode())
    return document.xpath("//form[@id='changelist-form']//input[@name='csrfmiddlewaretoken']")[
        0
    ].get("value")


@pytest.fixture
def strict_moderator_client(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    return client


def test_approve_from_the_queue_in_one_click(strict_moderator_client, moderator):
    comment = make_comment(content="Worth publishing.", status="pending", verdict="unchecked")
    queue_url = reverse(CHANGELIST) + "?queue=review"
    queue = strict_moderator_client.get(queue_url)
    row = queue_row(queue, comment)
    assert set(buttons(row)) == {"Approve", "Spam", "Delete"}

    response = strict_moderator_client.post(
        buttons(row)["Approve"],
        {"csrfmiddlewaretoken": csrf_token(queue)},
        headers={"referer": f"http://testserver{queue_url}"},
        follow=True,
    )

    assert response.redirect_chain[0] == (f"http://testserver{queue_url}", 302)
    assert f"The comment by {comment.author_name} was approved" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert [(e.action, e.actor) for e in comment.events.all()] == [("approve", moderator)]
    article_page = strict_moderator_client.get(comment.article.get_absolute_url())
    assert "Worth publishing." in lxml_html.fromstring(article_page.content.decode()).text_content()


def test_a_one_click_decision_needs_the_csrf_token(strict_moderator_client):
    comment = make_comment(status="pending")
    row = queue_row(strict_moderator_client.get(reverse(CHANGELIST)), comment)
    response = strict_moderator_client.post(buttons(row)["Approve"])
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_one_click_decisions_need_the_moderation_permission(journalist_client):
    comment = make_comment(status="pending")
    for decision in ("approve", "spam", "not_spam", "delete"):
        url = reverse("admin:comments_comment_moderate", args=[comment.pk, decision])
        assert journalist_client.post(url).status_code == 403, decision
    comment.refresh_from_db()
    assert comment.status == "pending"
    assert not comment.events.exists()


def test_one_click_decisions_are_posts_only(moderator_client):
    comment = make_comment(status="pending")
    url = reverse("admin:comments_comment_moderate", args=[comment.pk, "approve"])
    assert moderator_client.get(url).status_code == 405


@pytest.mark.django_db(transaction=True)  # the worker commits its work
def test_spam_and_not_spam_in_one_click(moderator_client, akismet):
    comment = make_comment(status="approved")
    row = queue_row(moderator_client.get(reverse(CHANGELIST)), comment)
    assert set(buttons(row)) == {"Spam", "Delete"}
    moderator_client.post(buttons(row)["Spam"])
    run_worker()  # the report goes from the task worker
    comment.refresh_from_db()
    assert comment.status == "spam"
    assert len(akismet.calls("submit-spam")) == 1

    row = queue_row(moderator_client.get(reverse(CHANGELIST)), comment)
    assert set(buttons(row)) == {"Not spam", "Delete"}
    moderator_client.post(buttons(row)["Not spam"])
    run_worker()
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert len(akismet.calls("submit-ham")) == 1


def test_delete_in_one_click(moderator_client):
    comment = make_comment(content="Delete me.", status="spam", verdict="spam")
    row = queue_row(moderator_client.get(reverse(CHANGELIST)), comment)
    response = moderator_client.post(buttons(row)["Delete"], follow=True)
    assert f"The comment by {comment.author_name} was deleted." in response.content.decode()
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert LogEntry.objects.get().object_repr.startswith(comment.author_name)


def test_the_comment_page_has_the_same_buttons(strict_moderator_client, moderator):
    comment = make_comment(status="pending", verdict="unchecked")
    change_url = reverse("admin:comments_comment_change", args=[comment.pk])
    page = lxml_html.fromstring(strict_moderator_client.get(change_url).content.decode())
    forms = {
        " ".join(form.xpath(".//button")[0].text_content().split()): form
        for form in page.xpath("//ul[@class='object-tools']//form")
    }
    assert set(forms) == {"Approve", "Spam", "Delete"}
    approve = forms["Approve"]
    fields = {i.get("name"): i.get("value") for i in approve.xpath(".//input")}

    response = strict_moderator_client.post(approve.get("action"), fields, follow=True)

    assert response.redirect_chain[0] == (change_url, 302)
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert comment.events.get().actor == moderator


def test_long_comments_names_and_titles_stay_on_one_line(moderator_client):
    comment = make_comment(author_name="A" * 80, content="word " * 900)
    row = queue_row(moderator_client.get(reverse(CHANGELIST)), comment)
    excerpt, byline = row.xpath(".//*[contains(@class, 'field-excerpt')]//span")
    assert "one-line" in excerpt.get("class") and "one-line" in byline.get("class")
    assert len(excerpt.text_content()) <= 120  # cut by admin.css; the whole text on hover
    assert excerpt.get("title").startswith("word word")
    assert byline.text_content() == f"by {'A' * 80} on {comment.article.title}"


def test_names_and_comments_with_bidi_overrides_are_isolated(moderator_client):
    comment = make_comment(author_name=f"{RLO}Evil", content=f"{RLO}Reversed text")
    row = queue_row(moderator_client.get(reverse(CHANGELIST)), comment)
    isolated = row.xpath(".//*[contains(@class, 'field-excerpt')]//bdi")
    assert [bdi.text_content() for bdi in isolated] == [
        f"{RLO}Reversed text",
        f"{RLO}Evil",
        comment.article.title,
    ]


# What the history says when Akismet gave no verdict --------------------------------------


def submit(article):
    return services.submit_comment(
        article=article,
        author_name="Ana",
        author_email="ana@example.com",
        author_url="",
        content="Held until checked.",
        parent=None,
        context=services.RequestContext(ip_address="198.51.100.4"),
    ).comment


def history(moderator_client, comment):
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    text = lxml_html.fromstring(moderator_client.get(url).content.decode()).text_content()
    return " ".join(text.split())


def test_history_says_no_key_is_configured(moderator_client, settings):
    settings.AKISMET_API_KEY = ""
    comment = submit(make_article())
    assert [(e.actor_label, e.action) for e in comment.events.all()] == [
        ("system", "not checked: no Akismet key configured")
    ]
    assert "not checked: no Akismet key configured" in history(moderator_client, comment)


def test_history_says_akismet_was_unreachable(moderator_client, akismet):
    akismet.mode = "error"
    comment = submit(make_article())
    assert [(e.actor_label, e.action) for e in comment.events.all()] == [
        ("Akismet", "not checked: Akismet unreachable")
    ]
    assert "not checked: Akismet unreachable" in history(moderator_client, comment)


def test_history_says_akismet_answered_with_an_error(akismet):
    akismet.mode = "garbage"
    comment = submit(make_article())
    assert [e.action for e in comment.events.all()] == ["not checked: Akismet error"]
