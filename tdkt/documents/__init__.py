"""Official documents per Nghị định 30/2020/NĐ-CP, as .docx and PDF, and the register that numbers them.

Build a document from plain dataclasses, then render it; number it from the issuer's register inside the
transaction that stores it::

    from tdkt.documents.model import DECISION, Article, Issuer, OfficialDocument, Signer
    from tdkt.documents.docx_render import render_docx        # -> bytes (.docx, editable)
    from tdkt.documents.pdf_render import render_pdf          # -> bytes (PDF, fonts embedded)
    from tdkt.documents.services import register_allocate     # -> RegisterEntry (number, symbol)

    with transaction.atomic():
        entry = register_allocate(issuer=unit, year=2026, kind="decision", actor=user, subject=title)
        doc = OfficialDocument(
            kind=DECISION,
            issuer=document_issuer(unit=unit),  # tdkt.documents.selectors: name, abbreviation, parent
            number=entry.number, place="Bình An", date=day, title=title,
            authority="Giám đốc Sở Y tế tỉnh Bình An", bases=("Căn cứ Luật Thi đua, khen thưởng …",),
            body=(Article(1, "Tặng Giấy khen cho …"),), signers=(Signer.head("Giám đốc", "Lê Văn Minh"),),
            recipients=("Như Điều 3", "Lưu: VT, TĐKT"),
        )
        content = render_docx(doc)

Modules:

- `model`: the dataclasses (OfficialDocument, Issuer, Signer, Appendix; blocks Paragraph, Heading,
  PartHeading, ItemList, Table/Column/TableSection, Article, PageBreak; Run, bold(), italic()), the kinds
  (DECISION, PLAN, REPORT, SUBMISSION_LETTER, MINUTES, NOTICE, GUIDANCE, ACHIEVEMENT_REPORT) and `ND30`,
  the page, font and sizes. Pure Python: no Django.
- `formatting`: vn_date, date_line ("Bình An, ngày 05 tháng 02 năm 2026"), number_symbol ("870/KH-TTYT"),
  number_line, punctuate_lines, recipient_lines, filing_line, roman. Pure Python.
- `layout`: `prepare(doc)`, the final strings both renderers print (capitals, punctuation, "./.",
  balanced line breaks of centred names, rule lengths, signature rows). Pure Python.
- `docx_render.render_docx` (package, styles, sections; `docx_body` writes the body), `pdf_render.render_pdf`
  (and `render_html` to preview).
- `models` / `services.register_allocate` / `selectors`: the register of documents issued (sổ đăng ký văn
  bản đi), gap-free under concurrency, audited; `views`: its page and Excel export.
- `samples`: one worked example of each kind (decision with award list, plan, minutes, submission letter,
  achievement report).

See docs/documents.md for the layout rules and the choices made where the decree is silent.
"""
