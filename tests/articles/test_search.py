"""
Search: ranking, filters, bad input, highlighting, the page, and keeping up with edits.

Every test runs on both databases. Where they differ by design (articles/search.py: a stored,
stemmed vector on PostgreSQL, LIKE on SQLite), a test asserts each one's behaviour.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import search
from articles.models import Article, Author, Tag
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

# With the site-wide cached reads warm (sections, consent): the ranking, the page's
# articles, their authors.
SEARCH_QUERIES = 3


def found(text: str, **criteria) -> list[str]:
    ranking = search.rank(search.Criteria(text=text, **criteria))
    titles = dict(Article.objects.filter(pk__in=ranking.ids).values_list("pk", "title"))
    return [titles[pk] for pk in ranking.ids]


def search_page(client, **params):
    return client.get(reverse("articles:search"), params)


def unmarked(response) -> str:
    """The page's HTML without the highlighting, to look for whole titles."""
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


# Matching and ranking ---------------------------------------------------------------------


def test_a_title_match_ranks_above_a_body_match():
    make_article(title="Harbour news", body="<p>The ferry arrived.</p>", published_at=hours_ago(1))
    make_article(title="Ferry timetable changes", published_at=hours_ago(48))
    make_article(title="Unrelated", body="<p>Nothing to see.</p>")

    assert found("ferry") == ["Ferry timetable changes", "Harbour news"]


def test_among_equal_matches_newer_comes_first():
    make_article(title="Budget vote (older)", published_at=hours_ago(30))
    make_article(title="Budget vote (newer)", published_at=hours_ago(2))

    assert found("budget") == ["Budget vote (newer)", "Budget vote (older)"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Storm over the harbour"),
        ("standfirst", "A storm hit the harbour overnight."),
        ("body", "<p>The <em>storm</em> hit the harbour overnight.</p>"),
    ],
)
def test_every_text_field_is_searched(field, value):
    make_article(**{field: value})
    make_article(title="Something else")

    assert len(found("storm")) == 1


def test_tag_names_are_searched():
    make_article(title="Rain all week", tags=[make_tag(name="Weather")])

    assert found("weather") == ["Rain all week"]


def test_author_names_are_searched():
    make_article(title="Rain all week", authors=[make_author(display_name="Greta Fischer")])

    assert found("Fischer") == ["Rain all week"]


def test_every_word_must_match():
    make_article(title="Ferry strike", body="<p>Talks.</p>")
    make_article(title="Ferry timetable", body="<p>New times.</p>")

    assert found("ferry strike") == ["Ferry strike"]


def test_a_quoted_phrase_matches_only_as_a_phrase():
    make_article(title="Interest rates held", body="<p>The bank met.</p>")
    make_article(title="Rates of interest", body="<p>A history.</p>")

    assert found('"interest rates"') == ["Interest rates held"]


def test_a_minus_sign_excludes_a_word():
    make_article(title="Election polls", body="<p>Numbers.</p>")
    make_article(title="Election day", body="<p>Queues.</p>")

    assert found("election -polls") == ["Election day"]


def test_or_finds_either_word():
    make_article(title="Tennis final")
    make_article(title="Football final")
    make_article(title="Chess final")

    assert sorted(found("tennis or football")) == ["Football final", "Tennis final"]


def test_words_are_stemmed_on_postgresql_and_matched_as_written_on_sqlite():
    make_article(title="The election is called", published_at=hours_ago(3))
    make_article(title="Peace talks resume", published_at=hours_ago(2))
    make_article(title="A talk on the harbour", published_at=hours_ago(1))

    if connection.vendor == "postgresql":
        # English stemming: every form of a word finds the others.
        assert found("elections") == ["The election is called"]
        assert sorted(found("talks")) == ["A talk on the harbour", "Peace talks resume"]
    else:
        # LIKE: no stemming; a word finds only the text that contains it as typed...
        assert found("elections") == []
        assert found("talks") == ["Peace talks resume"]
        # ...including inside longer words.
        assert found("election") == ["The election is called"]
        assert sorted(found("talk")) == ["A talk on the harbour", "Peace talks resume"]


def test_search_is_case_insensitive():
    make_article(title="NATO summit")

    assert found("nato") == ["NATO summit"]


def test_only_published_articles_are_found():
    make_article(title="Budget published")
    make_article(title="Budget draft", status=Article.Status.DRAFT, published_at=None)
    make_article(title="Budget scheduled", published_at=timezone.now() + timedelta(hours=3))

    assert found("budget") == ["Budget published"]


def test_ranking_is_bounded_and_says_there_is_more(monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    for hours in range(1, 6):
        make_article(title=f"Budget update {hours}", published_at=hours_ago(hours))

    ranking = search.rank(search.Criteria(text="budget"))

    assert ranking.more
    titles = set(Article.objects.filter(pk__in=ranking.ids).values_list("title", flat=True))
    assert titles == {"Budget update 1", "Budget update 2", "Budget update 3"}


# Filters ----------------------------------------------------------------------------------


def test_section_filter():
    world, sport = make_section(name="World"), make_section(name="Sport")
    make_article(title="Final in the world news", section=world)
    make_article(title="Final score", section=sport)

    assert found("final", section=sport) == ["Final score"]


def test_date_range_includes_both_days():
    today = timezone.localdate()
    for days in (0, 2, 4, 6):
        moment = timezone.now() - timedelta(days=days)
        make_article(title=f"Budget day {days}", published_at=moment)

    titles = found("budget", since=today - timedelta(days=4), until=today - timedelta(days=2))

    assert sorted(titles) == ["Budget day 2", "Budget day 4"]


def test_filters_come_from_the_page(client):
    world = make_section(name="World", slug="world")
    make_article(title="Budget abroad", section=world)
    make_article(title="Budget at home")

    response = search_page(client, q="budget", section="world")

    assert "Budget abroad" in unmarked(response)
    assert "Budget at home" not in unmarked(response)


def test_reversed_dates_are_swapped(client):
    make_article(title="Budget of last week", published_at=timezone.now() - timedelta(days=7))
    today = timezone.localdate()

    response = search_page(
        client, q="budget", since=today.isoformat(), until=(today - timedelta(days=9)).isoformat()
    )

    assert "Budget of last week" in unmarked(response)


def test_filters_that_do_not_validate_are_left_out_and_said_so(client):
    make_article(title="Budget news")

    response = search_page(client, q="budget", section="nowhere", since="last tuesday")

    assert response.status_code == 200
    html = unmarked(response)
    assert "Budget news" in html
    assert "Some filters were not understood" in html


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "x" * 5000,
        "budget " * 400,
        "!!!",
        "?*.,;:",
        '"',
        '""',
        '"unbalanced quote',
        "'",
        "it's",
        "' OR 1=1 --",
        "'; DROP TABLE articles_article; --",
        "1; SELECT pg_sleep(5)",
        "budget & ! | ( ) <-> <2> :* *",
        "budget:*",
        "!budget",
        "(budget",
        "a <-> b",
        "-",
        "--budget",
        "or",
        "or or or",
        "the",
        "%_%",
        "\\",
        "\x00budget\x00",
        "\x1b[31m",
        "🙂 budget 🙂",
        "<script>alert(1)</script>",
        "ＢＵＤＧＥＴ",
    ],
)
def test_any_input_gives_a_normal_results_page(client, text):
    make_article(title="Budget talks")

    response = search_page(client, q=text)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    ("since", "until"),
    [
        ("0001-01-01", "9999-12-31"),
        ("9999-12-31", ""),
        ("", "0001-01-01"),
        ("2026-02-30", "yesterday"),
        ("<script>", "' OR 1=1"),
    ],
)
def test_any_dates_give_a_normal_results_page(client, since, until):
    make_article(title="Budget talks")

    response = search_page(client, q="budget", since=since, until=until)

    assert response.status_code == 200
    assert "Budget talks" in unmarked(response)


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "999", "1.5", ""])
def test_any_page_number_gives_a_page(client, page_number):
    make_article(title="Budget talks")

    response = search_page(client, q="budget", page=page_number)

    assert response.status_code == 200
    assert "Budget talks" in unmarked(response)


def test_control_characters_and_long_input_are_cleaned():
    form = search.SearchForm({"q": "\x00bud\tget\x1b  " + "y" * 500}, sections=[])

    criteria = form.criteria()

    assert criteria.text.startswith("bud get")
    assert len(criteria.text) == search.MAX_QUERY_LENGTH
    assert "\x00" not in criteria.text


@pytest.mark.parametrize(
    ("text", "groups", "excluded"),
    [
        ("ferry strike", [["ferry"], ["strike"]], []),
        ('"interest rates" bank', [["interest rates"], ["bank"]], []),
        ("tennis or football final", [["tennis", "football"], ["final"]], []),
        ("election -polls", [["election"]], ["polls"]),
        ('budget -"tax cut"', [["budget"]], ["tax cut"]),
        ("!!! ... ---", [], []),
        ("or budget", [["budget"]], []),
    ],
)
def test_like_fallback_reads_websearch_syntax(text, groups, excluded):
    assert search.parse_terms(text) == (groups, excluded)


# Highlighting -----------------------------------------------------------------------------


def test_matches_are_marked_and_everything_else_is_escaped(client):
    make_article(
        title="Budget <b>bold</b> & plans",
        standfirst="What the <script>alert(1)</script> budget means.",
        body="<p>The budget &amp; the &lt;tax&gt; rules.</p>",
    )

    html = search_page(client, q="budget").content.decode()

    assert "<mark>Budget</mark> &lt;b&gt;bold&lt;/b&gt; &amp; plans" in html
    assert "<script>alert(1)</script>" not in html
    assert "alert(1)&lt;/script&gt;" in html
    assert "<mark>budget</mark> &amp; the &lt;tax&gt; rules" in html


def test_snippet_comes_from_around_the_match(client):
    before = " ".join(f"before{n}" for n in range(200))
    after = " ".join(f"after{n}" for n in range(200))
    make_article(title="Long read", body=f"<p>{before} harbour {after}</p>")

    html = search_page(client, q="harbour").content.decode()

    assert "<mark>harbour</mark> after0 after1" in html
    assert "before0 " not in html


# The page ---------------------------------------------------------------------------------


def test_every_page_has_the_search_box(client):
    html = client.get("/").content.decode()

    assert 'role="search"' in html
    assert f'action="{reverse("articles:search")}"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html


def test_results_page_lists_results_with_a_count(client):
    make_article(title="Budget talks")
    make_article(title="Budget vote")

    response = search_page(client, q="budget")

    assert response.status_code == 200
    assert "articles/search.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "2 articles match “budget”" in html
    assert html.count('class="search-result"') == 2


def test_results_page_is_not_indexed(client):
    html = search_page(client, q="budget").content.decode()

    assert '<meta name="robots" content="noindex, follow">' in html


def test_results_are_paginated_and_keep_the_query(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 4
    world = make_section(slug="world")
    for hours in range(1, 7):
        make_article(title=f"Budget {hours}", section=world, published_at=hours_ago(hours))

    first = search_page(client, q="budget", section="world").content.decode()
    second = search_page(client, q="budget", section="world", page=2).content.decode()

    assert first.count('class="search-result"') == 4
    assert "?q=budget&amp;section=world&amp;page=2" in first
    assert second.count('class="search-result"') == 2
    assert "Page 2 of 2" in second


def test_more_matches_than_ranked_are_announced(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 2)
    for hours in range(1, 4):
        make_article(title=f"Budget {hours}", published_at=hours_ago(hours))

    html = search_page(client, q="budget").content.decode()

    assert "More than 2 articles match “budget”" in html
    assert "Choose a section or dates to reach older ones" in html


def test_no_results_page_helps(client):
    world = make_section(name="World", slug="world")
    make_article(title="Budget talks", section=world)

    html = search_page(client, q="zeppelin", section="world").content.decode()

    assert "No articles match “zeppelin” with these filters" in html
    assert 'href="/search/?q=zeppelin"' in html
    assert "Check the spelling" in html
    assert f'href="{world.get_absolute_url()}"' in html


def test_empty_search_shows_tips(client):
    html = search_page(client).content.decode()

    assert "Put a phrase in quotes" in html
    assert "No articles match" not in html


@pytest.mark.parametrize("matches", [3, 20])
def test_search_page_query_count_is_fixed(client, matches, django_assert_num_queries):
    sections = [make_section() for _ in range(3)]
    authors = [make_author(photo=make_image()) for _ in range(3)]
    tags = [make_tag() for _ in range(4)]
    image = make_image()
    for n in range(matches):
        make_article(
            title=f"Budget {n}",
            section=sections[n % 3],
            authors=authors[: 1 + n % 3],
            tags=tags[: 1 + n % 4],
            featured_image=image,
        )

    # Site-wide reads cached after the first request (the consent banner's groups) are not ours.
    search_page(client, q="budget")
    with django_assert_num_queries(SEARCH_QUERIES):
        response = search_page(client, q="budget")

    assert response.status_code == 200


# Keeping up with edits, and how the database searches ----------------------------------
#
# PostgreSQL searches a stored vector that the database keeps current (a generated column for
# the article's own text, triggers for its tags' and authors' names): these tests also check
# what the vector holds. SQLite reads the current rows with LIKE on every search.


def stored_lexemes(article: Article) -> dict[str, set[str]]:
    """PostgreSQL only: the article's stored search vector, as {lexeme: weights}."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lexeme, weights FROM articles_article, unnest(search_vector) WHERE id = %s",
            [article.pk],
        )
        return {lexeme: set(weights) for lexeme, weights in cursor.fetchall()}


def test_search_follows_a_changed_title():
    article = make_article(title="Ferry strike")

    article.title = "Harbour closed"
    article.save()

    assert found("harbour") == ["Harbour closed"]
    assert found("ferry") == []
    if connection.vendor == "postgresql":
        lexemes = stored_lexemes(article)
        assert lexemes["harbour"] == {"A"}
        assert "ferri" not in lexemes


def test_search_follows_tags_added_and_removed():
    article = make_article(title="Rain all week")
    weather = make_tag(name="Weather")

    article.tags.add(weather)
    assert found("weather") == ["Rain all week"]
    if connection.vendor == "postgresql":
        assert stored_lexemes(article)["weather"] == {"B"}

    article.tags.remove(weather)
    assert found("weather") == []
    if connection.vendor == "postgresql":
        assert "weather" not in stored_lexemes(article)


def test_search_follows_a_renamed_tag():
    tag = make_tag(name="Weather")
    article = make_article(title="Rain all week", tags=[tag])

    tag.name = "Climate"
    tag.save()

    assert found("climate") == ["Rain all week"]
    assert found("weather") == []
    if connection.vendor == "postgresql":
        lexemes = stored_lexemes(article)
        assert lexemes["climat"] == {"B"}
        assert "weather" not in lexemes


def test_search_follows_authors_and_their_renaming():
    author = make_author(display_name="Greta Fischer")
    article = make_article(title="Rain all week", authors=[])

    article.authors.add(author)
    assert found("Fischer") == ["Rain all week"]
    if connection.vendor == "postgresql":
        assert stored_lexemes(article)["fischer"] == {"B"}

    # A queryset update sends no signal: on PostgreSQL a trigger updates the vector.
    Author.objects.filter(pk=author.pk).update(display_name="Greta Berg")
    assert found("Berg") == ["Rain all week"]
    assert found("Fischer") == []
    if connection.vendor == "postgresql":
        lexemes = stored_lexemes(article)
        assert lexemes["berg"] == {"B"}
        assert "fischer" not in lexemes


def test_search_follows_links_written_in_bulk():
    """bulk_create sends no signal (the benchmark generator uses it): the search still follows."""
    article = make_article(title="Rain all week")
    tags = [Tag.objects.create(name=name, slug=name.lower()) for name in ["Weather", "Floods"]]

    Article.tags.through.objects.bulk_create(
        [Article.tags.through(article=article, tag=tag) for tag in tags]
    )

    assert found("floods") == ["Rain all week"]
    assert found("weather") == ["Rain all week"]
    if connection.vendor == "postgresql":
        lexemes = stored_lexemes(article)
        assert lexemes["flood"] == {"B"}
        assert lexemes["weather"] == {"B"}


def article_columns() -> set[str]:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, "articles_article")
    return {column.name for column in description}


def test_postgresql_indexes_the_stored_vector_and_sqlite_has_none():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_vector_idx'"
            )
            (definition,) = cursor.fetchone()

        assert "USING gin (search_vector)" in definition
    else:
        # Migration 0005 does nothing here: no columns to keep current, no index.
        assert article_columns().isdisjoint({"search_vector", "search_extra"})
        with connection.cursor() as cursor:
            indexes = connection.introspection.get_constraints(cursor, "articles_article")
        assert "article_search_vector_idx" not in indexes


def test_ranking_reads_the_stored_vector_on_postgresql_and_likes_the_text_on_sqlite():
    make_article(title="Budget")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            sql, params = (
                search.in_scope(search.Criteria(text="budget"))
                .alias(vector=search.StoredVector())
                .filter(vector=search.web_query("budget"))
                .query.sql_with_params()
            )
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())

        assert "search_vector @@" in plan
        assert "to_tsvector" not in plan
    else:
        # One query, LIKE over the article's text and its tags' and authors' names.
        with CaptureQueriesContext(connection) as queries:
            ranking = search.rank(search.Criteria(text="budget"))

        assert len(ranking.ids) == 1
        (query,) = queries.captured_queries
        sql = query["sql"]
        assert "LIKE" in sql
        for column in ["title", "standfirst", "body", "articles_tag", "articles_author"]:
            assert column in sql
        assert "search_vector" not in sql
        assert "tsvector" not in sql and "tsquery" not in sql


def test_dates_parse_from_the_form():
    form = search.SearchForm(
        {"q": "budget", "since": "2026-01-02", "until": "2026-01-05"}, sections=[]
    )

    criteria = form.criteria()

    assert (criteria.since, criteria.until) == (date(2026, 1, 2), date(2026, 1, 5))
