"""The style sheet parses as intended: a block left open (as a merge once left an @media block) silently
turns every later rule into a phone-only rule."""

import re
from pathlib import Path

CSS = Path(__file__).resolve().parents[1] / "static" / "css"


def test_every_block_of_the_style_sheets_is_closed_before_the_next_top_level_rule():
    for sheet in CSS.glob("*.css"):
        text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), sheet.read_text(), flags=re.S)
        depth = 0
        for number, line in enumerate(text.splitlines(), start=1):
            if depth and line[:1] not in ("", " ", "\t", "}"):
                raise AssertionError(f"{sheet.name}:{number}: a top-level rule inside an unclosed block")
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.name}:{number}: a closing brace too many"
        assert depth == 0, f"{sheet.name}: {depth} block(s) left open"
