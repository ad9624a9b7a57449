"""
Search: ranking, filters, bad input, highlighting, the page, and keeping up with edits.

Every test runs on both databases. PostgreSQL full-text search is the product (a stored,
stemmed, ranked vector); SQLite gets a plain development fallback (every word as typed in the
title, standfirst or body, newest first). Where they differ by design, a test asserts each
one's behaviour: what the product does, and that the fallback stays plain.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import search
from articles.models import Article, Author, SearchDocument, Tag
from tests.articles.html import by_class, parse, text
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

# With the site-wide cached reads warm (sections, consent): the ranking, the page's
# articles, their authors.
SEARCH_QUERIES = 3


def full_text() -> bool:
    return connection.vendor == "postgresql"


def found(words: str, **criteria) -> list[str]:
    ranking = search.rank(search.Criteria(text=words, **criteria))
    titles = dict(Article.objects.filter(pk__in=ranking.ids).values_list("pk", "title"))
    return [titles[pk] for pk in ranking.ids]


def search_page(client, **params):
    return parse(client.get(reverse("articles:search"), params))


def results(page) -> list[str]:
    """The titles of the results, in order, as a reader reads them."""
    return [text(title) for title in by_class(page, "search-result-title")]


def marks(node) -> list[str]:
    """The highlighted words under `node`."""
    return [text(mark) for mark in node.iter("mark")]


def only(page, name: str):
    (node,) = by_class(page, name)
    return node


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


# Matching and ranking ---------------------------------------------------------------------


def test_a_title_match_ranks_above_a_body_match():
    make_article(title="Harbour news", body="<p>The ferry arrived.</p>", published_at=hours_ago(1))
    make_article(title="Ferry timetable changes", published_at=hours_ago(48))
    make_article(title="Unrelated", body="<p>Nothing to see.</p>")

    if full_text():
        assert found("ferry") == ["Ferry timetable changes", "Harbour news"]
    else:
        # The fallback does not rank: newest first.
        assert found("ferry") == ["Harbour news", "Ferry timetable changes"]


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


def test_tag_names_are_searched_by_full_text():
    make_article(title="Rain all week", tags=[make_tag(name="Weather")])

    assert found("weather") == found_by_name()


def test_author_names_are_searched_by_full_text():
    make_article(title="Rain all week", authors=[make_author(display_name="Greta Fischer")])

    assert found("Fischer") == found_by_name()


def test_every_word_must_match():
    make_article(title="Ferry strike", body="<p>Talks.</p>")
    make_article(title="Ferry timetable", body="<p>New times.</p>")

    assert found("ferry strike") == ["Ferry strike"]


def test_a_quoted_phrase_matches_only_as_a_phrase():
    make_article(
        title="Interest rates held", body="<p>The bank met.</p>", published_at=hours_ago(2)
    )
    make_article(title="Rates of interest", body="<p>A history.</p>", published_at=hours_ago(1))

    if full_text():
        assert found('"interest rates"') == ["Interest rates held"]
    else:
        # The fallback reads words, not quotes.
        assert found('"interest rates"') == ["Rates of interest", "Interest rates held"]


def test_a_minus_sign_excludes_a_word():
    make_article(title="Election polls", body="<p>Numbers.</p>")
    make_article(title="Election day", body="<p>Queues.</p>")

    if full_text():
        assert found("election -polls") == ["Election day"]
    else:
        # The fallback reads words, not operators: "polls" is one more word to find.
        assert found("election -polls") == ["Election polls"]


def test_or_finds_either_word():
    make_article(title="Tennis final")
    make_article(title="Football final")
    make_article(title="Chess final")

    if full_text():
        assert sorted(found("tennis or football")) == ["Football final", "Tennis final"]
    else:
        # The fallback looks for all three words, "or" included.
        assert found("tennis or football") == []


def test_words_are_stemmed_by_full_text_and_matched_as_typed_by_the_fallback():
    make_article(title="The election is called", published_at=hours_ago(3))
    make_article(title="Peace talks resume", published_at=hours_ago(2))
    make_article(title="A talk on the harbour", published_at=hours_ago(1))

    if full_text():
        # English stemming: every form of a word finds the others.
        assert found("elections") == ["The election is called"]
        assert sorted(found("talks")) == ["A talk on the harbour", "Peace talks resume"]
    else:
        # No stemming; a word finds only the text that contains it as typed...
        assert found("elections") == []
        assert found("talks") == ["Peace talks resume"]
        # ...including inside longer words.
        assert found("election") == ["The election is called"]
        assert found("talk") == ["A talk on the harbour", "Peace talks resume"]


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

    page = search_page(client, q="budget", section="world")

    assert results(page) == ["Budget abroad"]


def test_reversed_dates_are_swapped(client):
    make_article(title="Budget of last week", published_at=timezone.now() - timedelta(days=7))
    today = timezone.localdate()

    page = search_page(
        client, q="budget", since=today.isoformat(), until=(today - timedelta(days=9)).isoformat()
    )

    assert results(page) == ["Budget of last week"]


def test_filters_that_do_not_validate_are_left_out_and_said_so(client):
    make_article(title="Budget news")

    page = search_page(client, q="budget", section="nowhere", since="last tuesday")

    assert results(page) == ["Budget news"]
    notices = [text(notice) for notice in by_class(page, "search-notice")]
    assert notices[0].startswith("Some filters were not understood and have been left out")


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
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
def test_any_input_gives_a_normal_results_page(client, words):
    make_article(title="Budget talks")

    page = search_page(client, q=words)  # asserts a 200

    assert page.xpath("//script[contains(., 'alert(1)')]") == []
    assert text(page.find(".//h1")) in {"Search", "Search results"}


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

    page = search_page(client, q="budget", since=since, until=until)

    assert results(page) == ["Budget talks"]


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "999", "1.5", ""])
def test_any_page_number_gives_a_page(client, page_number):
    make_article(title="Budget talks")

    page = search_page(client, q="budget", page=page_number)

    assert results(page) == ["Budget talks"]


def test_control_characters_and_long_input_are_cleaned():
    form = search.SearchForm({"q": "\x00bud\tget\x1b  " + "y" * 500}, sections=[])

    criteria = form.criteria()

    assert criteria.text.startswith("bud get")
    assert len(criteria.text) == search.MAX_QUERY_LENGTH
    assert "\x00" not in criteria.text


def test_dates_parse_from_the_form():
    form = search.SearchForm(
        {"q": "budget", "since": "2026-01-02", "until": "2026-01-05"}, sections=[]
    )

    criteria = form.criteria()

    assert (criteria.since, criteria.until) == (date(2026, 1, 2), date(2026, 1, 5))


# Highlighting -----------------------------------------------------------------------------


def test_matches_are_marked_and_everything_else_is_escaped(client):
    make_article(
        title="Budget <b>bold</b> & plans",
        standfirst="What the <script>alert(1)</script> budget means.",
        body="<p>The budget &amp; the &lt;tax&gt; rules.</p>",
    )

    page = search_page(client, q="budget")

    (result,) = by_class(page, "search-result")
    title, snippet = only(result, "search-result-title"), only(result, "search-result-snippet")
    # What was typed reads as typed: no element comes out of it.
    assert text(title) == "Budget <b>bold</b> & plans"
    assert title.xpath(".//b") == [] and page.xpath("//script[contains(., 'alert(1)')]") == []
    if full_text():
        assert marks(title) == ["Budget"]
        # ts_headline picks the words around the matches.
        assert "alert(1)</script> budget means." in text(snippet)
        assert "The budget & the <tax> rules" in text(snippet)
        assert marks(snippet) == ["budget", "budget"]
    else:
        # The fallback highlights nothing and shows the standfirst.
        assert marks(result) == []
        assert text(snippet) == "What the <script>alert(1)</script> budget means."


def test_snippet_comes_from_around_the_match(client):
    before = " ".join(f"before{n}" for n in range(200))
    after = " ".join(f"after{n}" for n in range(200))
    make_article(
        title="Long read", standfirst="A long read.", body=f"<p>{before} harbour {after}</p>"
    )

    snippet = text(only(search_page(client, q="harbour"), "search-result-snippet"))

    if full_text():
        assert "harbour after0 after1" in snippet
        assert "before0 " not in snippet
    else:
        assert snippet == "A long read."


# The page ---------------------------------------------------------------------------------


def test_every_page_has_the_search_box(client):
    home = parse(client.get("/"))

    (form,) = home.xpath("//header//form[@role='search']")
    assert form.get("action") == reverse("articles:search")
    (label,) = form.xpath(".//label[@for='site-search-q']")
    assert "visually-hidden" in label.get("class").split()


def test_results_page_lists_results_with_a_count(client):
    make_article(title="Budget talks", published_at=hours_ago(2))
    make_article(title="Budget vote", published_at=hours_ago(1))

    response = client.get(reverse("articles:search"), {"q": "budget"})
    page = parse(response)

    assert "articles/search.html" in [t.name for t in response.templates]
    assert text(only(page, "search-summary")) == "2 articles match “budget”."
    assert sorted(results(page)) == ["Budget talks", "Budget vote"]


def test_one_result_is_counted_in_the_singular_with_its_section(client):
    world = make_section(name="World", slug="world")
    make_article(title="Budget abroad", section=world)

    page = search_page(client, q="budget", section="world")

    assert text(only(page, "search-summary")) == "1 article matches “budget” in World."


def test_results_page_is_not_indexed(client):
    page = search_page(client, q="budget")

    (robots,) = page.xpath("//meta[@name='robots']")
    assert robots.get("content") == "noindex, follow"


def test_results_are_paginated_and_keep_the_query(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 4
    world = make_section(slug="world")
    for hours in range(1, 7):
        make_article(title=f"Budget {hours}", section=world, published_at=hours_ago(hours))

    first = search_page(client, q="budget", section="world")
    second = search_page(client, q="budget", section="world", page=2)

    assert len(results(first)) == 4
    (next_page,) = first.xpath("//nav[contains(@class, 'pagination')]//a[@rel='next']")
    assert next_page.get("href") == "?q=budget&section=world&page=2"
    assert len(results(second)) == 2
    assert text(only(second, "pagination-current")) == "Page 2 of 2"


def test_more_matches_than_ranked_are_announced(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 2)
    for hours in range(1, 4):
        make_article(title=f"Budget {hours}", published_at=hours_ago(hours))

    summary = text(only(search_page(client, q="budget"), "search-summary"))

    assert summary.startswith("More than 2 articles match “budget”")
    assert summary.endswith("Choose a section or dates to reach older ones.")


def test_no_results_page_helps(client):
    world = make_section(name="World", slug="world")
    make_article(title="Budget talks", section=world)

    page = search_page(client, q="zeppelin", section="world")

    empty = only(page, "search-empty")
    assert text(empty.find("h2")) == "No articles match “zeppelin” with these filters"
    links = {text(link): link.get("href") for link in empty.iter("a")}
    assert links["Search all sections and dates for “zeppelin”"] == "/search/?q=zeppelin"
    assert links["World"] == world.get_absolute_url()
    assert "Check the spelling, or try fewer or more general words." in text(empty)


def test_empty_search_shows_tips(client):
    page = search_page(client)

    assert "Put a phrase in quotes to find it exactly" in text(only(page, "search-help"))
    assert by_class(page, "search-empty") == [] and results(page) == []


def test_the_page_says_when_search_is_the_development_fallback(client):
    make_article(title="Budget talks")

    page = search_page(client, q="budget")

    notices = [text(notice) for notice in by_class(page, "search-notice")]
    if full_text():
        assert notices == []
    else:
        (notice,) = notices
        assert notice.startswith("Development search: this database has no full-text search")


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
    client.get(reverse("articles:search"), {"q": "budget"})
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(reverse("articles:search"), {"q": "budget"})

    assert response.status_code == 200


# Keeping up with edits, and how the database searches ----------------------------------
#
# PostgreSQL searches the stored vector (Article.search_vector) that the database keeps
# current: a generated column for the article's own text, triggers for its tags' and
# authors' names. These tests also check what the vector holds. The fallback reads the
# current rows on every search and never reads names.


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
    if full_text():
        lexemes = stored_lexemes(article)
        assert lexemes["harbour"] == {"A"}
        assert "ferri" not in lexemes


def found_by_name() -> list[str]:
    """What a search for a tag's or an author's name finds: full text reads names."""
    return ["Rain all week"] if full_text() else []


def assert_names_stored(article: Article, *, present=(), gone=()) -> None:
    """PostgreSQL: the stored vector holds `present` (weight B) and none of `gone`."""
    if full_text():
        lexemes = stored_lexemes(article)
        assert {lexeme: lexemes.get(lexeme) for lexeme in present} == dict.fromkeys(present, {"B"})
        assert set(gone).isdisjoint(lexemes)


def test_search_follows_tags_added_and_removed():
    article = make_article(title="Rain all week")
    weather = make_tag(name="Weather")

    article.tags.add(weather)
    assert found("weather") == found_by_name()
    assert_names_stored(article, present=["weather"])

    article.tags.remove(weather)
    assert found("weather") == []
    assert_names_stored(article, gone=["weather"])


def test_search_follows_a_renamed_tag():
    tag = make_tag(name="Weather")
    article = make_article(title="Rain all week", tags=[tag])

    tag.name = "Climate"
    tag.save()

    assert found("climate") == found_by_name()
    assert found("weather") == []
    assert_names_stored(article, present=["climat"], gone=["weather"])


def test_search_follows_authors_and_their_renaming():
    author = make_author(display_name="Greta Fischer")
    article = make_article(title="Rain all week", authors=[])

    article.authors.add(author)
    assert found("Fischer") == found_by_name()
    assert_names_stored(article, present=["fischer"])

    # A queryset update sends no signal: on PostgreSQL a trigger updates the vector.
    Author.objects.filter(pk=author.pk).update(display_name="Greta Berg")
    assert found("Berg") == found_by_name()
    assert found("Fischer") == []
    assert_names_stored(article, present=["berg"], gone=["fischer"])


def test_search_follows_links_written_in_bulk():
    """bulk_create sends no signal (the benchmark generator uses it): the search still follows."""
    article = make_article(title="Rain all week")
    tags = [Tag.objects.create(name=name, slug=name.lower()) for name in ["Weather", "Floods"]]

    Article.tags.through.objects.bulk_create(
        [Article.tags.through(article=article, tag=tag) for tag in tags]
    )

    assert found("floods") == found_by_name()
    assert found("weather") == found_by_name()
    assert_names_stored(article, present=["flood", "weather"])


def test_the_declared_vector_is_the_one_the_database_stores():
    article = make_article(
        title="Harbour closed", standfirst="Storms.", tags=[make_tag(name="Weather")]
    )

    stored, declared = (
        Article.objects.filter(pk=article.pk)
        .annotate(declared=SearchDocument())
        .values_list("search_vector", "declared")
        .get()
    )

    if full_text():
        # articles.models.SearchDocument, computed now, equals the column the database keeps.
        assert stored == declared
        assert "'weather':" in stored and "'harbour':" in stored
    else:
        # The development fallback keeps no vector.
        assert (stored, declared) == (None, None)


def test_postgresql_indexes_the_stored_vector_and_sqlite_keeps_an_empty_column():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "articles_article")
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, "articles_article")
        }
        if full_text():
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_vector_idx'"
            )
            (definition,) = cursor.fetchone()

    assert "search_vector" in columns
    if full_text():
        assert "USING gin (search_vector)" in definition
        assert "search_extra" in columns
    else:
        # Only the declared column: nothing to keep current, no index.
        assert "search_extra" not in columns
        assert "article_search_vector_idx" not in constraints


def test_ranking_reads_the_stored_vector_with_full_text_and_the_text_in_the_fallback():
    make_article(title="Budget")
    if full_text():
        with connection.cursor() as cursor:
            sql, params = (
                search.in_scope(search.Criteria(text="budget"))
                .filter(search_vector=search.web_query("budget"))
                .query.sql_with_params()
            )
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())

        assert "search_vector @@" in plan
        assert "to_tsvector" not in plan
    else:
        # One query, LIKE over the article's own text only.
        with CaptureQueriesContext(connection) as queries:
            ranking = search.rank(search.Criteria(text="budget"))

        assert len(ranking.ids) == 1
        (query,) = queries.captured_queries
        sql = query["sql"]
        assert "LIKE" in sql
        for column in ["title", "standfirst", "body"]:
            assert f'"articles_article"."{column}" LIKE' in sql
        assert "articles_tag" not in sql and "articles_author" not in sql
        assert "search_vector" not in sql


def test_pages_never_read_the_vector(client):
    article = make_article(title="Budget talks")

    with CaptureQueriesContext(connection) as queries:
        for url in ["/", article.get_absolute_url(), article.section.get_absolute_url()]:
            assert client.get(url).status_code == 200

    selects = [query["sql"] for query in queries.captured_queries]
    assert selects
    assert not [sql for sql in selects if "search_vector" in sql]
