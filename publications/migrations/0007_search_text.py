from django.db import migrations, models


def fill_search_text(apps, schema_editor):
    """Postgres only: re-index what exists, which now stores the snippets' text too."""
    if schema_editor.connection.vendor != "postgresql":
        return
    # Out of the row, as only a page of results reads it: ranking reads every matching row, and
    # reads them faster when they are short.
    schema_editor.execute("ALTER TABLE publications_publication ALTER COLUMN search_text SET STORAGE EXTERNAL")
    from publications.fulltext import update_search_vectors

    publication = apps.get_model("publications", "Publication")
    update_search_vectors(publication.objects.using(schema_editor.connection.alias).all(), apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0006_media_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=False),
    ]
