#!/usr/bin/env python
"""Dossier benchmark: one nominee's achievement report (báo cáo thành tích) built by tdkt.dossiers and
rendered to .docx, and the round's submission letter with a 40-name list; no database.

    .venv/bin/python bench/dossier_bench.py              # 20 timed runs each
    .venv/bin/python bench/dossier_bench.py --repeat 50

The report is built from an in-memory nomination with a frozen record of seven years (ratings, titles,
awards), two initiatives and the engine's answer, as the dossier builds it from a snapshot. Prints the
median and slowest times of building the document and of rendering it. Target (issue 7): one dossier
document to .docx in at most 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOCX_TARGET_MS = 100.0


def _fixtures():
    from tdkt.dossiers.documents import ReportData
    from tdkt.dossiers.models import SubmissionLetter
    from tdkt.nominations.models import Nomination, Round
    from tdkt.org.models import Unit
    from tdkt.people.models import Employment, Person
    from tdkt.records.models import Achievement

    so = Unit(id=1, code="SYT", name="Sở Y tế tỉnh Bình An", document_abbreviation="SYT")
    hospital = Unit(id=2, code="BVDK", name="Bệnh viện Đa khoa tỉnh Bình An", document_abbreviation="BVĐK")
    hospital.parent = so
    ward = Unit(id=3, code="BVDK-NOI", name="Khoa Nội tổng hợp")
    ward.parent = hospital
    round = Round(id=1, unit=hospital, year=2025, category="merit", name="Bình xét thi đua năm 2025")
    person = Person(
        id=1,
        cccd="001085000001",
        full_name="Nguyễn Thị Hoa",
        gender="female",
        birth_date=dt.date(1985, 3, 15),
        profession="nurse",
        health_sector_since=dt.date(2008, 8, 1),
    )
    items = []
    for y in range(2019, 2026):
        items.append(
            {"key": f"rating:{y}", "year": y, "section": "rating", "text": "Hoàn thành xuất sắc nhiệm vụ"}
        )
        items.append(
            {
                "key": f"title:{y}:advanced_worker:merit",
                "year": y,
                "section": "title",
                "text": f"Lao động tiên tiến — QĐ số {100 + y - 2019}/QĐ-BVĐK ngày 20/12/{y}",
            }
        )
    items.append(
        {
            "key": "award:2023:commendation_certificate:merit",
            "year": 2023,
            "section": "award",
            "text": "Giấy khen — QĐ số 12/QĐ-BVĐK ngày 05/01/2024",
        }
    )
    answer = {
        "candidate": "grassroots_emulation_fighter",
        "verdict": "eligible",
        "rule": "grassroots_emulation_fighter@2024-01-01",
        "verified": True,
        "conditions": [
            {
                "id": f"c{i}",
                "met": True,
                "judgement": False,
                "text": f"Điều kiện {i} năm 2025",
                "cite": "Luật Thi đua, khen thưởng 2022, Điều 23",
            }
            for i in range(6)
        ],
    }
    nomination = Nomination(
        id=1,
        round=round,
        kind="person",
        person=person,
        name=person.full_name,
        home=ward,
        candidate="grassroots_emulation_fighter",
        category="merit",
        achievement_summary="Chủ trì quy trình chăm sóc người bệnh thở máy.\nHướng dẫn điều dưỡng mới.",
    )
    achievements = [
        Achievement(
            id=i,
            kind="initiative",
            title=f"Sáng kiến số {i}",
            scope="unit",
            year=2025,
            decision_number=f"{40 + i}/QĐ-BVĐK",
            decision_date=dt.date(2025, 10, 20),
            issuer="Hội đồng Khoa học Bệnh viện",
            unit=hospital,
        )
        for i in (1, 2)
    ]
    post = Employment(
        person=person, unit=hospital, department=ward, position="staff", start=dt.date(2008, 8, 1)
    )
    data = ReportData(
        nomination=nomination,
        items=items,
        answer=answer,
        frozen_on=None,
        achievements=achievements,
        employment=post,
    )
    people = []
    for i in range(40):
        n = Nomination(
            id=100 + i,
            round=round,
            kind="person",
            person_id=100 + i,
            name=f"Người thứ {i + 1}",
            home=ward,
            candidate="advanced_worker",
            category="merit",
        )
        people.append(n)
    letter = SubmissionLetter(
        round=round,
        to="Sở Y tế tỉnh Bình An",
        place="Bình An",
        signer_title="Giám đốc",
        signer_name="Lê Văn Minh",
    )
    return data, letter, people


def _timed(fn, repeat: int) -> list[float]:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed runs (20)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tdkt.councils.nominations import council_minutes
    from tdkt.documents.docx_render import render_docx
    from tdkt.dossiers.hooks import unregister_minutes_source

    unregister_minutes_source(council_minutes)  # no database here: the nominations live in memory
    from tdkt.dossiers.documents import achievement_report_document, submission_letter_document

    data, letter, people = _fixtures()
    today = dt.date(2026, 1, 10)

    def report():
        return achievement_report_document(data, place="Bình An", date=today, year=2026)

    def report_docx():
        return render_docx(report())

    def letter_docx():
        posts = {}
        return render_docx(submission_letter_document(letter, people, today=today, posts=posts, items={}))

    rows = [("Báo cáo thành tích: dựng văn bản", _timed(report, args.repeat))]
    rows.append(("Báo cáo thành tích → .docx", _timed(report_docx, args.repeat)))
    rows.append(("Tờ trình, danh sách 40 người → .docx", _timed(letter_docx, args.repeat)))
    print(f"{'step':<40} {'median':>9} {'max':>8}")
    for title, times in rows:
        print(f"{title:<40} {statistics.median(times):>6.1f} ms {max(times):>5.0f} ms")
    median = statistics.median(rows[1][1])
    verdict = "within" if median <= DOCX_TARGET_MS else "OVER"
    print(
        f"\nOne achievement report .docx: {median:.1f} ms median — {verdict} the "
        f"{DOCX_TARGET_MS:.0f} ms target."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
