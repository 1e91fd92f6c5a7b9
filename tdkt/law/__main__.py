"""Command line (shared/domain/case-format.md):

    python -m tdkt.law evaluate CASE.json [--overlay FILE.yaml]
    python -m tdkt.law bonus ITEM --decided-on YYYY-MM-DD [--collective]

Exit 0 when the input was read and evaluated, 2 when it is invalid (message on stderr names the field).
"""

import argparse
import datetime as dt
import json
import sys

from tdkt.law.engine import evaluate
from tdkt.law.errors import CaseError
from tdkt.law.money import bonus
from tdkt.law.parameters import MissingParameter


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def main(argv=None) -> int:
    parser = _Parser(
        prog="python -m tdkt.law", description="Vietnamese emulation and commendation law engine"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    ev = commands.add_parser("evaluate", help="verdicts for a case as JSON on stdout")
    ev.add_argument("case", help="a case file (JSON), or - for standard input")
    ev.add_argument(
        "--overlay",
        metavar="FILE.yaml",
        help="a local overlay (YAML or JSON, see tdkt/law/overlays.py): extra conditions and parameter "
        "values set by a province, the ministry or a unit, applied to every candidate of the case",
    )
    bo = commands.add_parser("bonus", help="the bonus in VND for one award")
    bo.add_argument("item", help="a title or form identifier, e.g. advanced_worker")
    bo.add_argument("--decided-on", required=True, help="decision date YYYY-MM-DD")
    bo.add_argument("--collective", action="store_true", help="the award goes to a collective")
    args = parser.parse_args(argv)
    try:
        if args.command == "evaluate":
            return _evaluate(args.case, args.overlay)
        return _bonus(args.item, args.decided_on, args.collective)
    except CaseError as exc:
        print(str(exc), file=sys.stderr)
        return 2


def _evaluate(path: str, overlay_path: str | None = None) -> int:
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()  # noqa: SIM115
    except OSError as exc:
        raise CaseError("CASE", f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise CaseError("CASE", f"{path} is not UTF-8 text (byte {exc.start})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(
            "CASE", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    overlay = _overlay(overlay_path) if overlay_path else None
    json.dump(evaluate(raw, overlay=overlay), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _overlay(path: str):
    """The overlay of `path` (YAML, so JSON too); CaseError names the file or the overlay's field."""
    import yaml

    from tdkt.law.overlays import parse_overlay

    try:
        with open(path, encoding="utf-8") as f:
            raw = yaml.safe_load(f)
    except OSError as exc:
        raise CaseError("--overlay", f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise CaseError("--overlay", f"{path} is not UTF-8 text (byte {exc.start})") from None
    except yaml.YAMLError as exc:
        raise CaseError("--overlay", f"{path} is not valid YAML: {exc}") from None
    return parse_overlay(raw)


def _bonus(item: str, decided_on: str, collective: bool) -> int:
    try:
        day = dt.date.fromisoformat(decided_on) if len(decided_on) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise CaseError("--decided-on", f"{decided_on!r} is not a date (YYYY-MM-DD)")
    try:
        amount, _ = bonus(item, decided_on=day, collective=collective)
    except MissingParameter:
        raise CaseError("--decided-on", f"no bonus amount is in force on {day.isoformat()}") from None
    print(amount)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
