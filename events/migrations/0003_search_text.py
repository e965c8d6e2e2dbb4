from django.db import migrations, models


def fill_search_text(apps, schema_editor):
    """Postgres only: re-index the events there are, which now stores the snippets' text too."""
    if schema_editor.connection.vendor != "postgresql":
        return
    # Out of the row, as only a page of results reads it: ranking reads every matching row, and
    # reads them faster when they are short.
    schema_editor.execute("ALTER TABLE events_event ALTER COLUMN search_text SET STORAGE EXTERNAL")
    from events.search_index import update_search_vectors

    event = apps.get_model("events", "Event")
    update_search_vectors(event.objects.using(schema_editor.connection.alias).all())


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_search_vector"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=False),
    ]
