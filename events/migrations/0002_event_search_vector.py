import django.contrib.postgres.search
from django.db import migrations

INDEX = "event_search_idx"


def create_search_index(apps, schema_editor):
    """Postgres only: a GIN index on the vector, then fill it for the events there are.

    The index lives outside the model's Meta, as publications' does (their migration 0002): there,
    SQLite would try to build a GIN index whenever it rebuilds the table for a later migration."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON events_event USING gin (search_vector)")
    from events.search_index import update_search_vectors

    event = apps.get_model("events", "Event")
    update_search_vectors(event.objects.using(schema_editor.connection.alias).all())


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_search_index, drop_search_index, elidable=False),
    ]
