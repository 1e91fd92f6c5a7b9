#!/usr/bin/env python
"""Document rendering benchmark: official documents to .docx and to PDF, no database.

    .venv/bin/python bench/documents_bench.py                  # the default set, 5 runs each
    .venv/bin/python bench/documents_bench.py --awardees 2000 --repeat 3

Renders the worked examples of tdkt.documents.samples: a decision with a long award list (1,000 awardees
by default, about 20 pages), a person's achievement report of about 5 pages, and the one-page documents of
a nomination dossier (submission letter, council minutes). Each is rendered once to warm up (imports,
fonts), then --repeat times; the median and the slowest run are printed with the PDF's page count.
Target (a later issue): one dossier document to .docx in at most 100 ms.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOCX_TARGET_MS = 100.0


def _timed(render, doc, repeat: int) -> tuple[list[float], bytes]:
    render(doc)  # warm-up: imports, font metrics, the .docx template, WeasyPrint's fonts
    times, content = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        content = render(doc)
        times.append((time.perf_counter() - start) * 1000)
    return times, content


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--awardees", type=int, default=1000, help="rows of the decision's award list (1000)")
    parser.add_argument(
        "--report-paragraphs", type=int, default=26, help="achievement paragraphs (26 ≈ 5 pages)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per document and format (5)")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    import pypdf

    from tdkt.documents import samples
    from tdkt.documents.docx_render import render_docx
    from tdkt.documents.pdf_render import render_pdf

    documents = [
        (f"Quyết định, danh sách {args.awardees} người", samples.sample_decision(awardees=args.awardees)),
        ("Báo cáo thành tích cá nhân", samples.sample_achievement_report(paragraphs=args.report_paragraphs)),
        ("Tờ trình đề nghị khen thưởng", samples.sample_submission_letter()),
        ("Biên bản họp Hội đồng", samples.sample_minutes()),
        ("Kế hoạch phát động thi đua", samples.sample_plan()),
    ]
    print(f"{'document':<34} {'pages':>5} {'.docx median':>13} {'max':>8} {'PDF median':>11} {'max':>8}")
    slow_docx = []
    for title, doc in documents:
        docx_times, _ = _timed(render_docx, doc, args.repeat)
        pdf_times, pdf = _timed(render_pdf, doc, args.repeat)
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        docx_median = statistics.median(docx_times)
        print(
            f"{title:<34} {pages:>5} {docx_median:>10.1f} ms {max(docx_times):>5.0f} ms"
            f" {statistics.median(pdf_times):>8.0f} ms {max(pdf_times):>5.0f} ms"
        )
        if pages <= 10 and docx_median > DOCX_TARGET_MS:
            slow_docx.append(title)
    if slow_docx:
        print(f"over the {DOCX_TARGET_MS:.0f} ms .docx target: {', '.join(slow_docx)}")
    else:
        print(f"every dossier document (≤ 10 pages) renders to .docx within {DOCX_TARGET_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
