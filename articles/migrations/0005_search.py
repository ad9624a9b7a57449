"""
Full-text search on PostgreSQL: a stored, indexed search vector kept current by the database.

Nothing here runs on other databases (SQLite searches with LIKE instead, see articles.search),
so the columns are not model fields: the ORM reaches them through articles.search.

* search_extra: the article's tag names and author names, which a generated column cannot
  read from their own tables. Statement-level triggers on the link tables and on tag and
  author names keep it current, whoever writes: the admin, services, bulk_create (the
  benchmark generator), loaddata or plain SQL. It is never written by Django.
* search_vector: a generated column (title A; standfirst, tags and authors B; body C) with a
  GIN index. PostgreSQL recomputes it whenever the row changes. STORAGE MAIN keeps it in the
  row rather than in the TOAST table (and lz4 where the server has it): a search reads one
  vector per candidate row, and fetching it from TOAST was three times slower.

The text search configuration ("english") must match articles.search.SEARCH_CONFIG.
"""

from django.db import migrations

VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(standfirst, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(search_extra, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
"""

EXTRA_FUNCTION = """
CREATE FUNCTION articles_search_extra(article_id bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT concat_ws(' ',
        (SELECT string_agg(tag.name, ' ' ORDER BY tag.name)
           FROM articles_article_tags link JOIN articles_tag tag ON tag.id = link.tag_id
          WHERE link.article_id = $1),
        (SELECT string_agg(author.display_name, ' ' ORDER BY author.display_name)
           FROM articles_article_authors link
           JOIN articles_author author ON author.id = link.author_id
          WHERE link.article_id = $1))
$$
"""

# One UPDATE per statement, whatever the number of rows it touched.
LINKS_FUNCTION = """
CREATE FUNCTION articles_search_extra_from_links() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_article article
       SET search_extra = articles_search_extra(article.id)
     WHERE article.id IN (SELECT changed.article_id FROM changed)
       AND article.search_extra IS DISTINCT FROM articles_search_extra(article.id);
    RETURN NULL;
END
$$
"""

NAMES_FUNCTION = """
CREATE FUNCTION articles_search_extra_from_{table}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_article article
       SET search_extra = articles_search_extra(article.id)
     WHERE article.id IN (
            SELECT link.article_id
              FROM articles_article_{link} link
              JOIN new_rows ON new_rows.id = link.{column}
              JOIN old_rows ON old_rows.id = new_rows.id
             WHERE new_rows.{name} IS DISTINCT FROM old_rows.{name})
       AND article.search_extra IS DISTINCT FROM articles_search_extra(article.id);
    RETURN NULL;
END
$$
"""

LINK_TABLES = ["articles_article_tags", "articles_article_authors"]
NAMED = [
    {"table": "tag", "link": "tags", "column": "tag_id", "name": "name"},
    {"table": "author", "link": "authors", "column": "author_id", "name": "display_name"},
]


def forward_statements(lz4: bool) -> list[str]:
    compression = " COMPRESSION lz4" if lz4 else ""
    statements = [
        "ALTER TABLE articles_article ADD COLUMN search_extra text NOT NULL DEFAULT ''",
        EXTRA_FUNCTION,
        # Filled before the vector exists, so the table is rewritten once, not twice.
        "UPDATE articles_article SET search_extra = articles_search_extra(id)",
        # One ALTER TABLE: the rewrite that computes the vectors already uses STORAGE MAIN.
        f"ALTER TABLE articles_article ADD COLUMN search_vector tsvector{compression} "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED, "
        "ALTER COLUMN search_vector SET STORAGE MAIN",
        "CREATE INDEX article_search_vector_idx ON articles_article USING gin (search_vector)",
        LINKS_FUNCTION,
    ]
    for table in LINK_TABLES:
        for event, rows in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")]:
            # An UPDATE moving a link to another article changes both: one trigger per side.
            sides = [("NEW", "new"), ("OLD", "old")] if event == "UPDATE" else [(rows, "")]
            for side, suffix in sides:
                statements.append(
                    f"CREATE TRIGGER {table}_search_{event.lower()}{suffix and '_' + suffix} "
                    f"AFTER {event} ON {table} REFERENCING {side} TABLE AS changed "
                    "FOR EACH STATEMENT EXECUTE FUNCTION articles_search_extra_from_links()"
                )
    for named in NAMED:
        statements += [
            NAMES_FUNCTION.format(**named),
            f"CREATE TRIGGER articles_{named['table']}_search_rename "
            f"AFTER UPDATE ON articles_{named['table']} "
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION articles_search_extra_from_{named['table']}()",
        ]
    return statements


BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS articles_{named['table']}_search_rename "
        f"ON articles_{named['table']}"
        for named in NAMED
    ),
    *(f"DROP FUNCTION IF EXISTS articles_search_extra_from_{named['table']}()" for named in NAMED),
    *(
        f"DROP TRIGGER IF EXISTS {table}_search_{name} ON {table}"
        for table in LINK_TABLES
        for name in ["insert", "update_new", "update_old", "delete"]
    ),
    "DROP FUNCTION IF EXISTS articles_search_extra_from_links()",
    "DROP INDEX IF EXISTS article_search_vector_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS articles_search_extra(bigint)",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_extra",
]


def has_lz4(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def add_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in forward_statements(lz4=has_lz4(schema_editor)):
        schema_editor.execute(statement)


def remove_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_article_tags_lookup_index")]

    operations = [migrations.RunPython(add_search, remove_search)]
