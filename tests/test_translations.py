"""The Vietnamese catalogue is complete and its compiled form is current."""

import gettext
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_vietnamese_translation():
    po = polib.pofile(str(PO))
    untranslated = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(PO))
    with PO.with_suffix(".mo").open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    stale = [
        e.msgid
        for e in po
        if not e.obsolete and not e.msgid_plural and e.msgid and mo.gettext(e.msgid) != e.msgstr
    ]
    assert stale == [], "run `make messages` to recompile"


def test_no_message_in_code_or_templates_is_missing_from_the_catalogue(tmp_path):
    """Runs makemessages on a copy of the project and compares the message ids."""
    import shutil
    import subprocess
    import sys

    root = PO.parents[3]
    for name in ("tdkt", "templates", "config", "locale", "manage.py"):
        src = root / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    fresh = {e.msgid for e in polib.pofile(str(tmp_path / "locale/vi/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in polib.pofile(str(PO)) if not e.obsolete}
    assert len(fresh) > 100
    assert fresh - known == set(), "run `make messages` and translate the new strings"
