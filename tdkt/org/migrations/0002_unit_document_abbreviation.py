"""Units get the abbreviation that stands in the symbol of the documents they issue ("15/QĐ-SYT").

Existing units get the initials of their name up to its place part ("Sở Y tế tỉnh Bình An" → "SYT");
the derivation is copied here so that later changes to the model's helper do not change this migration.
"""

import re
import unicodedata

from django.db import migrations, models

import tdkt.org.models

_PLACE_WORDS = ("tỉnh", "thành phố", "khu vực", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu")
_WORD = re.compile(r"[^\W_]+")


def _initial(word):
    if word.isdigit():
        return word
    first = word[0].upper()
    return first if first == "Đ" else unicodedata.normalize("NFD", first)[0]


def _abbreviation(name, code):
    lowered = f" {name.lower()} "
    cut = min((i for w in _PLACE_WORDS if (i := lowered.find(f" {w} ")) > 0), default=len(lowered))
    initials = "".join(_initial(w) for w in _WORD.findall(name[: max(cut - 1, 0)]))
    if not initials:
        initials = "".join(ch for ch in code.upper() if ch.isalnum() or ch == "-").strip("-")
    return initials[:20]


def fill_abbreviations(apps, schema_editor):
    Unit = apps.get_model("org", "Unit")
    units = list(Unit.objects.only("id", "name", "code"))
    for unit in units:
        unit.document_abbreviation = _abbreviation(unit.name, unit.code)
    Unit.objects.bulk_update(units, ["document_abbreviation"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="unit",
            name="document_abbreviation",
            field=models.CharField(
                default="",
                help_text="Used in the symbol of the documents the unit issues, e.g. 15/QĐ-SYT.",
                max_length=20,
                validators=[tdkt.org.models.validate_document_abbreviation],
                verbose_name="document abbreviation",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_abbreviations, migrations.RunPython.noop),
    ]
