"""Issued decisions: the database itself refuses to change or delete an issued decision or any of its lines,
or to add a line to it (SQLite and PostgreSQL)."""

from django.db import migrations

DECISION = "decisions_decision"
LINE = "decisions_decisionline"
MESSAGE = "issued decisions are immutable"
ISSUED_PARENT = "(SELECT status FROM decisions_decision WHERE id = {row}.decision_id) = 'issued'"

SQLITE = [
    f"CREATE TRIGGER decision_issued_no_update BEFORE UPDATE ON {DECISION} WHEN OLD.status = 'issued' "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER decision_issued_no_delete BEFORE DELETE ON {DECISION} WHEN OLD.status = 'issued' "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER decision_line_issued_no_update BEFORE UPDATE ON {LINE} "
    f"WHEN {ISSUED_PARENT.format(row='OLD')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER decision_line_issued_no_delete BEFORE DELETE ON {LINE} "
    f"WHEN {ISSUED_PARENT.format(row='OLD')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
    f"CREATE TRIGGER decision_line_issued_no_insert BEFORE INSERT ON {LINE} "
    f"WHEN {ISSUED_PARENT.format(row='NEW')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS decision_issued_no_update;",
    "DROP TRIGGER IF EXISTS decision_issued_no_delete;",
    "DROP TRIGGER IF EXISTS decision_line_issued_no_update;",
    "DROP TRIGGER IF EXISTS decision_line_issued_no_delete;",
    "DROP TRIGGER IF EXISTS decision_line_issued_no_insert;",
]
POSTGRES = [
    "CREATE FUNCTION decisions_refuse_issued_decision() RETURNS trigger AS $$ "
    f"BEGIN IF OLD.status = 'issued' THEN RAISE EXCEPTION '{MESSAGE}'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql;",
    f"CREATE TRIGGER decision_issued_immutable BEFORE UPDATE OR DELETE ON {DECISION} "
    "FOR EACH ROW EXECUTE FUNCTION decisions_refuse_issued_decision();",
    "CREATE FUNCTION decisions_refuse_issued_line() RETURNS trigger AS $$ "
    "BEGIN IF TG_OP <> 'INSERT' AND "
    f"{ISSUED_PARENT.format(row='OLD')} THEN RAISE EXCEPTION '{MESSAGE}'; END IF; "
    f"IF TG_OP <> 'DELETE' AND {ISSUED_PARENT.format(row='NEW')} THEN RAISE EXCEPTION '{MESSAGE}'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql;",
    f"CREATE TRIGGER decision_line_issued_immutable BEFORE INSERT OR UPDATE OR DELETE ON {LINE} "
    "FOR EACH ROW EXECUTE FUNCTION decisions_refuse_issued_line();",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS decision_line_issued_immutable ON {LINE};",
    "DROP FUNCTION IF EXISTS decisions_refuse_issued_line();",
    f"DROP TRIGGER IF EXISTS decision_issued_immutable ON {DECISION};",
    "DROP FUNCTION IF EXISTS decisions_refuse_issued_decision();",
]


def create_triggers(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("decisions", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
