"""tdkt/law must stay pure Python: no Django import anywhere in it (architecture.md, "Layers")."""

import ast
from pathlib import Path

LAW = Path(__file__).resolve().parent.parent / "tdkt" / "law"


def django_imports(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found += [
                f"{path.relative_to(root)}:{node.lineno} {n}"
                for n in names
                if n == "django" or (n.startswith(("django.", "tdkt.")) and not n.startswith("tdkt.law"))
            ]
    return found


def test_the_law_package_imports_neither_django_nor_the_app():
    assert django_imports(LAW) == []


def test_the_check_catches_a_django_import(tmp_path):
    (tmp_path / "rule.py").write_text("import datetime\nfrom django.conf import settings\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.py").write_text("import django.db\nfrom tdkt.people import models\n")
    assert django_imports(tmp_path) == [
        "rule.py:2 django.conf",
        "sub/x.py:1 django.db",
        "sub/x.py:2 tdkt.people",
    ]
