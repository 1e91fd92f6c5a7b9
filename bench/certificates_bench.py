#!/usr/bin/env python
"""Certificate benchmark: every certificate of a 1,000-award decision, as the background task writes them
(one PDF per award with its QR code, all in one zip), no database.

    .venv/bin/python bench/certificates_bench.py               # 1,000 awards
    .venv/bin/python bench/certificates_bench.py --awards 200

Target (issue 7): 1,000 certificates in at most 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_S = 60.0
CANDIDATES = ("advanced_worker", "grassroots_emulation_fighter", "commendation_certificate")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--awards", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tdkt.decisions.certificates import certificate_pdf, certificates_zip
    from tdkt.decisions.models import Decision, DecisionLine
    from tdkt.documents.samples import sample_people

    decision = Decision(
        symbol="15/QĐ-BVĐK",
        date=dt.date(2026, 12, 10),
        place="Bình An",
        authority="Giám đốc Bệnh viện Đa khoa tỉnh Bình An",
        achievement="đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025",
        signer_name="Trần Quốc Huy",
        signer_position="Phó Giám đốc",
        signer_for="Giám đốc",
    )
    lines = [
        DecisionLine(
            position=i,
            name=name,
            unit_label=post,
            candidate=CANDIDATES[i % len(CANDIDATES)],
            year=2025,
            code=uuid.uuid4(),
        )
        for i, (name, post) in enumerate(sample_people(args.awards), start=1)
    ]
    certificate_pdf(lines[0], decision)  # warm-up: imports, fonts
    start = time.perf_counter()
    content = certificates_zip(lines, decision)
    elapsed = time.perf_counter() - start
    count = len(zipfile.ZipFile(io.BytesIO(content)).namelist())
    verdict = "OK" if elapsed <= TARGET_S * args.awards / 1000 else "SLOW"
    print(
        f"certificates: {count} PDFs in {elapsed:.1f} s ({elapsed / count * 1000:.0f} ms each), "
        f"zip {len(content) / 1e6:.1f} MB — target ≤ {TARGET_S:.0f} s per 1,000: {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
