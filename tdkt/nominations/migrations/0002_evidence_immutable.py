"""Frozen evidence: the database itself refuses to change a stored snapshot (SQLite and PostgreSQL)."""

from django.db import migrations

TABLE = "nominations_evidencesnapshot"
MESSAGE = "evidence snapshots are immutable"


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE TRIGGER evidence_snapshot_immutable BEFORE UPDATE ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE FUNCTION nominations_refuse_evidence_update() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql;"
        )
        schema_editor.execute(
            f"CREATE TRIGGER evidence_snapshot_immutable BEFORE UPDATE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION nominations_refuse_evidence_update();"
        )


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS evidence_snapshot_immutable;")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS evidence_snapshot_immutable ON {TABLE};")
        schema_editor.execute("DROP FUNCTION IF EXISTS nominations_refuse_evidence_update();")


class Migration(migrations.Migration):
    dependencies = [("nominations", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
