"""A decision as an official document (Nghị định 30/2020, Mẫu 1.2): the articles that confer (or revoke)
and the list of awardees with their bonus in an appendix. Render it with tdkt.documents."""

from __future__ import annotations

from tdkt.documents.model import DECISION, Appendix, Article, Column, OfficialDocument, Signer, Table
from tdkt.documents.selectors import document_issuer
from tdkt.law.vocabulary import LABELS_VI, TITLES

from .models import GROUND_CITE, Decision, DecisionLine


def vnd(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,}".replace(",", ".")


def _who(lines: list[DecisionLine]) -> str:
    people = sum(1 for line in lines if line.person_id)
    collectives = len(lines) - people
    parts = []
    if collectives:
        parts.append(f"{collectives:02d} tập thể")
    if people:
        parts.append(f"{people:02d} cá nhân")
    return " và ".join(parts)


def _confers(lines: list[DecisionLine], achievement: str) -> str:
    by_candidate: dict[str, list[DecisionLine]] = {}
    for line in lines:
        by_candidate.setdefault(line.candidate, []).append(line)
    sentences = []
    for candidate, group in by_candidate.items():
        label = LABELS_VI.get(candidate, candidate)
        verb = f"Công nhận danh hiệu «{label}» cho" if candidate in TITLES else f"Tặng {label} cho"
        sentences.append(f"{verb} {_who(group)}")
    tail = f" {achievement}" if achievement else ""
    return "; ".join(sentences) + f" (có danh sách kèm theo){tail}."


def signer_of(decision: Decision) -> Signer:
    if decision.signer_for:
        return Signer.deputy(decision.signer_for, decision.signer_position, decision.signer_name)
    return Signer.head(decision.signer_position, decision.signer_name)


def _table(lines: list[DecisionLine], *, money: bool) -> Table:
    columns = [
        Column("STT", 0.6, "center"),
        Column("Họ và tên / Tên tập thể", 2.6),
        Column("Chức vụ, đơn vị công tác", 3),
        Column("Danh hiệu, hình thức khen thưởng", 2.4),
    ]
    if money:
        columns.append(Column("Tiền thưởng (đồng)", 1.4, "right"))
    rows = []
    for i, line in enumerate(lines, start=1):
        row = [str(i), line.name, line.unit_label, line.candidate_label]
        if money:
            row.append(vnd(line.amount))
        rows.append(tuple(row))
    return Table(columns=tuple(columns), rows=tuple(rows))


def decision_document(decision: Decision, lines: list[DecisionLine] | None = None) -> OfficialDocument:
    lines = list(decision.lines.select_related("revokes__decision")) if lines is None else lines
    awards = [line for line in lines if not line.revokes_id]
    revoked = [line for line in lines if line.revokes_id]
    body: list = []
    number = 1
    if revoked:
        original = decision.amends
        names = ", ".join(f"{line.name} ({line.candidate_label})" for line in revoked)
        body.append(
            Article(
                number,
                f"Hủy bỏ khen thưởng tại Quyết định số {original.symbol} ngày {original.date:%d/%m/%Y} "
                f"đối với: {names}. Lý do: {decision.get_ground_display()} ({GROUND_CITE}): "
                f"{decision.ground_detail.rstrip('.')}.",
            )
        )
        number += 1
        body.append(
            Article(
                number,
                "Thu hồi hiện vật và tiền thưởng đã nhận theo quy định (Luật Thi đua, khen thưởng, Điều 93).",
            )
        )
        number += 1
    total = sum(line.amount or 0 for line in awards)
    if awards:
        body.append(Article(number, _confers(awards, decision.achievement)))
        number += 1
        if total:
            fund = f", từ {decision.fund}" if decision.fund else ""
            body.append(
                Article(
                    number,
                    f"Kèm theo tiền thưởng theo danh sách, tổng cộng {vnd(total)} đồng{fund}.",
                )
            )
            number += 1
    body.append(
        Article(
            number,
            "Quyết định này có hiệu lực kể từ ngày ký. Các tập thể, cá nhân có tên tại Điều 1 và các đơn vị "
            "có liên quan chịu trách nhiệm thi hành Quyết định này.",
        )
    )
    bases = list(decision.basis_lines)
    if decision.proposer:
        bases.append(decision.proposer)
    appendices = ()
    if awards:
        appendices = (
            Appendix(
                title="Danh sách tập thể, cá nhân được khen thưởng",
                blocks=(_table(awards, money=any(line.amount for line in awards)),),
            ),
        )
    issuer = decision.issuer
    return OfficialDocument(
        kind=DECISION,
        issuer=document_issuer(unit=issuer),
        number=decision.number,
        place=decision.place,
        date=decision.date,
        title=decision.title,
        authority=decision.authority,
        bases=tuple(bases),
        body=tuple(body),
        signers=(signer_of(decision),),
        recipients=(f"Như Điều {number}", "Lưu: VT, TĐKT"),
        appendices=appendices,
    )
