from django.db import migrations, models


def take_over_or_create(apps, schema_editor):
    """The content version lived in the ``redcell`` app until the project package became
    settings only: a database that has its table keeps it under the new name."""
    model = apps.get_model("core", "ContentVersion")
    if "redcell_contentversion" in schema_editor.connection.introspection.table_names():
        schema_editor.alter_db_table(model, "redcell_contentversion", model._meta.db_table)
    else:
        schema_editor.create_model(model)


def give_back(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("core", "ContentVersion"))


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("token", models.CharField(max_length=32)),
                        ("changed_at", models.DateTimeField()),
                    ],
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_or_create, give_back),
    ]
