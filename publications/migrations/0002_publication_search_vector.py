import django.contrib.postgres.search
from django.db import migrations

INDEX = "publication_search_idx"


def create_search_index(apps, schema_editor):
    """Postgres only: a GIN index on the vector, then fill it for what already exists.

    The index lives outside the model's Meta on purpose: declared there, SQLite would try to
    build a GIN index whenever it rebuilds the table for a later migration."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON publications_publication USING gin (search_vector)"
    )
    # Ranking reads the whole vector of every match. Kept in the row (compressed) rather than
    # moved out to the TOAST table, ranking a thousand matches takes a few milliseconds, not tens.
    schema_editor.execute("ALTER TABLE publications_publication ALTER COLUMN search_vector SET STORAGE MAIN")
    from publications.fulltext import update_search_vectors

    publication = apps.get_model("publications", "Publication")
    update_search_vectors(publication.objects.using(schema_editor.connection.alias).all(), apps=apps)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute("ALTER TABLE publications_publication ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):

    dependencies = [
        ("publications", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_search_index, drop_search_index, elidable=False),
    ]
