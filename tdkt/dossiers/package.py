"""The forwarding package (gói hồ sơ trình cấp trên): one zip with the generated documents, the evidence
files and `dossier.json`, a machine-readable description of the round, its nominees, their frozen evidence
snapshots and the evidence file list; and its import by the higher level's tdkt.

Layout of the zip::

    dossier.json                                  format "tdkt-dossier", version 1 (see build_manifest)
    van-ban/to-trinh-….docx, van-ban/to-trinh-….pdf
    van-ban/bao-cao-thanh-tich-<id>-<name>.docx   one per nominee (and its .pdf)
    minh-chung/<sha256>.<ext>                      initiative certificates, award decisions (evidence files)

The import is all or nothing: every problem is collected and reported in Vietnamese, naming the nominee
and what is wrong, and nothing is written unless the whole package is sound. A package (by its id or its
content) and a nomination (by its id at the sending level) are imported only once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import uuid
import zipfile

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tdkt.accounts.audit import audit_log, audit_log_many, snapshot
from tdkt.accounts.models import AuditAction
from tdkt.accounts.roles import NOMINATIONS_PREPARE
from tdkt.accounts.scope import scope_unit_ids
from tdkt.attachments.models import EXTENSIONS, Attachment, MediaType
from tdkt.core.errors import ApplicationError
from tdkt.documents.docx_render import render_docx
from tdkt.documents.pdf_render import render_pdf
from tdkt.law.registry import candidates_for
from tdkt.law.vocabulary import LABELS_VI
from tdkt.nominations.models import (
    EvidenceSnapshot,
    Nomination,
    NominationEvent,
    NominationStatus,
    Round,
    RoundCategory,
)
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.facts import FIRST_YEAR
from tdkt.records.models import Achievement, Category, ConferredAward

from .documents import (
    achievement_report_document,
    dossier_nominations,
    letter_filename,
    report_data,
    report_filename,
    submission_letter_document,
)
from .hooks import minutes_for
from .models import ReceivedNomination, ReceivedPackage
from .services import letter_for

FORMAT, VERSION = "tdkt-dossier", 1
MANIFEST = "dossier.json"
MAX_PACKAGE_BYTES = 200 * 1024 * 1024


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def package_filename(round: Round) -> str:
    from .documents import ascii_name

    return (
        f"ho-so-{ascii_name(round.unit.document_abbreviation or round.unit.code)}-{round.year}-{round.pk}.zip"
    )


def build_package(*, round: Round, today: dt.date, actor=None) -> bytes:
    """The round's dossier as a zip (the nominations it carries: submitted onwards, still active)."""
    nominations = dossier_nominations(round)
    if not nominations:
        raise ApplicationError("Đợt chưa có đề nghị nào đã trình: chưa có gì để trình cấp trên.")
    letter = letter_for(round)
    files: dict[str, bytes] = {}
    letter_doc = submission_letter_document(letter, nominations, today=today)
    letter_docx = f"van-ban/{letter_filename(letter, 'docx')}"
    letter_pdf = f"van-ban/{letter_filename(letter, 'pdf')}"
    files[letter_docx] = render_docx(letter_doc)
    files[letter_pdf] = render_pdf(letter_doc)
    data = report_data(nominations, today=today)
    place, date = letter.place, letter.issued_on
    snapshots: dict[int, list[EvidenceSnapshot]] = {}
    for s in EvidenceSnapshot.objects.filter(nomination__in=nominations).order_by("taken_at", "id"):
        snapshots.setdefault(s.nomination_id, []).append(s)
    # evidence files: of the initiatives the nominations rest on, and of the nominees' recorded awards
    # (the decisions behind the report's two tables)
    awards: dict[tuple[str, int], list[ConferredAward]] = {}
    for a in ConferredAward.objects.filter(
        Q(person_id__in=[n.person_id for n in nominations if n.person_id])
        | Q(unit_id__in=[n.unit_id for n in nominations if n.unit_id]),
        year__lte=round.year,
    ).order_by("year", "id"):
        awards.setdefault(("person", a.person_id) if a.person_id else ("collective", a.unit_id), []).append(a)
    types = ContentType.objects.get_for_models(Achievement, ConferredAward)
    wanted = Q(
        content_type=types[Achievement], object_id__in={a.pk for d in data.values() for a in d.achievements}
    ) | Q(
        content_type=types[ConferredAward], object_id__in={a.pk for group in awards.values() for a in group}
    )
    attachments: dict[tuple[int, int], list[Attachment]] = {}
    for att in Attachment.objects.filter(wanted).order_by("uploaded_at", "id"):
        attachments.setdefault((att.content_type_id, att.object_id), []).append(att)

    def evidence_of(record: str, obj, title: str) -> list[dict]:
        found = []
        model = Achievement if record == "achievement" else ConferredAward
        for att in attachments.get((types[model].pk, obj.pk), []):
            path = f"minh-chung/{att.sha256}{EXTENSIONS[MediaType(att.media_type)][0]}"
            if path not in files:
                with att.file.open("rb") as fh:
                    files[path] = fh.read()
            found.append(
                {
                    "record": record,
                    "title": title,
                    "kind": att.kind,
                    "name": att.download_name,
                    "media_type": att.media_type,
                    "size": att.size,
                    "sha256": att.sha256,
                    "path": path,
                }
            )
        return found

    minutes = minutes_for(nominations)
    entries = []
    for n in nominations:
        report = f"van-ban/{report_filename(n, 'docx')}"
        report_pdf = f"van-ban/{report_filename(n, 'pdf')}"
        document = achievement_report_document(data[n.pk], place=place, date=date, year=today.year)
        files[report], files[report_pdf] = render_docx(document), render_pdf(document)
        evidence = []
        for achievement in data[n.pk].achievements:
            evidence += evidence_of("achievement", achievement, achievement.title)
        subject = ("person", n.person_id) if n.person_id else ("collective", n.unit_id)
        for award in awards.get(subject, []) if not n.is_foreign else []:
            evidence += evidence_of(
                "award", award, f"{LABELS_VI.get(award.candidate, award.candidate)} {award.year}"
            )
        person = n.person
        entries.append(
            {
                "uid": str(n.uid),
                "kind": n.kind,
                "name": n.name,
                "person": None
                if person is None
                else {
                    "cccd": person.cccd,
                    "full_name": person.full_name,
                    "gender": person.gender,
                    "birth_date": _iso(person.birth_date),
                },
                "collective": None if n.unit_id is None else {"code": n.unit.code, "name": n.unit.name},
                "foreign": None
                if not n.is_foreign
                else {"nationality": n.foreign_nationality, "organisation": n.foreign_organisation},
                "home": {"code": n.home.code, "name": n.home.name},
                "candidate": n.candidate,
                "category": n.category,
                "status": n.status,
                "is_exception": n.is_exception,
                "exception_reason": n.exception_reason,
                "verdict_at_creation": n.verdict_at_creation,
                "achievement_summary": n.achievement_summary,
                "achievements": [
                    {
                        "title": a.title,
                        "kind": a.kind,
                        "scope": a.scope,
                        "year": a.year,
                        "decision_number": a.decision_number,
                        "decision_date": _iso(a.decision_date),
                        "issuer": a.issuer,
                    }
                    for a in data[n.pk].achievements
                ],
                "minutes": minutes[n.pk].label if n.pk in minutes else None,
                "snapshots": [
                    {
                        "step": s.step,
                        "taken_at": s.taken_at.isoformat(),
                        "as_of": s.as_of.isoformat(),
                        "record": s.record,
                        "case": s.case,
                        "answer": s.answer,
                        "guards": s.guards,
                    }
                    for s in snapshots.get(n.pk, [])
                ],
                "documents": [report, report_pdf],
                "evidence": evidence,
            }
        )
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "package_uid": str(uuid.uuid4()),
        "created_at": timezone.now().isoformat(),
        "created_by": getattr(actor, "username", "") or "",
        "source": {
            "code": round.unit.code,
            "name": round.unit.name,
            "abbreviation": round.unit.document_abbreviation,
        },
        "round": {
            "name": round.name,
            "year": round.year,
            "category": round.category,
            "occasion": round.occasion,
            "deadline": round.deadline.isoformat(),
        },
        "letter": {
            "reference": letter.reference,
            "issued": letter.is_issued,
            "issued_on": _iso(letter.issued_on),
            "to": letter.to_lines,
            "documents": [letter_docx, letter_pdf],
        },
        "nominations": entries,
        "files": {path: hashlib.sha256(content).hexdigest() for path, content in sorted(files.items())},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for path, content in files.items():
            zf.writestr(path, content)
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------------
# Import
# ----------------------------------------------------------------------------------------------------


def _read(content: bytes) -> tuple[dict, zipfile.ZipFile]:
    if len(content) > MAX_PACKAGE_BYTES:
        raise ApplicationError("Gói hồ sơ quá lớn (tối đa 200 MB).")
    try:
        zf = zipfile.ZipFile(io.BytesIO(content))
        names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise ApplicationError("Tệp tải lên không phải gói hồ sơ tdkt (tệp .zip).") from None
    if MANIFEST not in names:
        raise ApplicationError(f"Gói hồ sơ thiếu tệp mô tả {MANIFEST}: đây không phải gói do tdkt lập.")
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApplicationError(f"Tệp {MANIFEST} trong gói không đọc được: {exc}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ApplicationError(f"Tệp {MANIFEST} không phải mô tả gói hồ sơ tdkt.")
    if manifest.get("version") != VERSION:
        raise ApplicationError(
            f"Gói hồ sơ phiên bản {manifest.get('version')!r}: tdkt này chỉ nhập được phiên bản {VERSION}."
        )
    return manifest, zf


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def package_import(*, actor, unit: Unit, content: bytes, filename: str, today: dt.date) -> ReceivedPackage:
    """Import a lower level's package into a new round of `unit`: its nominations arrive submitted, with
    their frozen evidence as sent. All or nothing; refusals list every problem (extra["problems"])."""
    if unit.pk not in scope_unit_ids(actor, NOMINATIONS_PREPARE):
        raise ApplicationError(f"Bạn không có quyền nhận hồ sơ đề nghị khen thưởng cho {unit.name}.")
    manifest, zf = _read(content)
    sha = hashlib.sha256(content).hexdigest()
    problems: list[str] = []
    source = manifest.get("source") or {}
    rnd = manifest.get("round") or {}
    try:
        package_uid = uuid.UUID(str(manifest.get("package_uid")))
    except ValueError:
        raise ApplicationError("Gói hồ sơ không có mã gói hợp lệ (package_uid).") from None
    earlier = (
        ReceivedPackage.objects.filter(package_uid=package_uid).first()
        or ReceivedPackage.objects.filter(sha256=sha).first()
    )
    if earlier is not None:
        raise ApplicationError(
            f"Gói hồ sơ này đã được nhập ngày {timezone.localtime(earlier.imported_at):%d/%m/%Y} "
            f"(đợt «{earlier.round.name}»): không nhập lại."
        )
    if source.get("code") == unit.code:
        raise ApplicationError(f"Gói hồ sơ do chính {unit.name} lập: chỉ cấp trên nhập gói này.")
    sender = Unit.objects.filter(code=source.get("code") or "").first()
    if sender is not None and not sender.path.startswith(unit.path):
        raise ApplicationError(
            f"Gói hồ sơ của {sender.name}, đơn vị không trực thuộc {unit.name}: "
            "chọn đúng đơn vị cấp trên nhận gói."
        )
    year = rnd.get("year")
    if not isinstance(year, int) or not FIRST_YEAR <= year <= today.year:
        problems.append(f"Năm thành tích của đợt không hợp lệ: {year!r}.")
    if rnd.get("category") not in RoundCategory.values:
        problems.append(f"Loại đợt không hợp lệ: {rnd.get('category')!r}.")
    names = set(zf.namelist())
    checksums = manifest.get("files") or {}
    for path, digest in checksums.items():
        if path not in names:
            problems.append(f"Gói thiếu tệp {path}.")
        elif hashlib.sha256(zf.read(path)).hexdigest() != digest:
            problems.append(f"Tệp {path} đã bị thay đổi sau khi lập gói (mã SHA-256 không khớp).")
    entries = manifest.get("nominations")
    if not isinstance(entries, list) or not entries:
        problems.append("Gói hồ sơ không có đề nghị khen thưởng nào.")
        entries = []
    cccds = {(e.get("person") or {}).get("cccd") for e in entries if e.get("person")}
    codes = {(e.get("collective") or {}).get("code") for e in entries if e.get("collective")}
    codes |= {(e.get("home") or {}).get("code") for e in entries}
    people = {p.cccd: p for p in Person.objects.filter(cccd__in=[c for c in cccds if c])}
    units = {u.code: u for u in Unit.objects.filter(code__in=[c for c in codes if c])}
    uids = []
    for e in entries:
        with contextlib.suppress(ValueError):
            uids.append(uuid.UUID(str(e.get("uid"))))
    already = {
        r.source_uid: r
        for r in ReceivedNomination.objects.filter(source_uid__in=uids).select_related("package")
    }
    drafts = []
    for i, e in enumerate(entries, start=1):
        who = f"Đề nghị {i} ({e.get('name') or 'không tên'})"
        try:
            uid = uuid.UUID(str(e.get("uid")))
        except ValueError:
            problems.append(f"{who}: thiếu mã đề nghị (uid).")
            continue
        if uid in already:
            got = already[uid].package
            problems.append(
                f"{who}: đã được nhập từ gói của {got.source_unit_name} ngày "
                f"{timezone.localtime(got.imported_at):%d/%m/%Y}."
            )
        kind = e.get("kind")
        candidate = e.get("candidate")
        if kind not in ("person", "collective"):
            problems.append(f"{who}: loại đối tượng không hợp lệ ({kind!r}).")
            continue
        if candidate not in candidates_for(kind):
            problems.append(f"{who}: danh hiệu, hình thức «{candidate}» không áp dụng cho đối tượng này.")
        if e.get("category") not in Category.values:
            problems.append(f"{who}: loại khen thưởng không hợp lệ ({e.get('category')!r}).")
        person = unit_obj = None
        foreign = e.get("foreign")
        if e.get("person"):
            cccd = e["person"].get("cccd")
            person = people.get(cccd)
            if person is None:
                problems.append(f"{who}: không tìm thấy người có số CCCD {cccd} trong tdkt của đơn vị nhận.")
        elif e.get("collective"):
            code = e["collective"].get("code")
            unit_obj = units.get(code)
            if unit_obj is None:
                problems.append(f"{who}: không tìm thấy tập thể mã {code} trong tdkt của đơn vị nhận.")
        elif not foreign:
            problems.append(f"{who}: không có thông tin người hoặc tập thể được đề nghị.")
        home_code = (e.get("home") or {}).get("code")
        home = units.get(home_code)
        if home is None:
            problems.append(f"{who}: không tìm thấy đơn vị mã {home_code} trong tdkt của đơn vị nhận.")
        for path in e.get("documents", []):
            if path not in names:
                problems.append(f"{who}: gói thiếu văn bản {path}.")
        for ev in e.get("evidence", []):
            if ev.get("path") not in names:
                problems.append(f"{who}: gói thiếu tệp minh chứng {ev.get('name')}.")
        drafts.append((uid, e, person, unit_obj, home, foreign))
    if problems:
        raise ApplicationError(
            f"Không nhập được gói hồ sơ: {len(problems)} vấn đề. Không có gì được ghi.",
            {"problems": problems},
        )
    return _write(
        actor=actor,
        unit=unit,
        manifest=manifest,
        content=content,
        sha=sha,
        package_uid=package_uid,
        drafts=drafts,
        filename=filename,
        today=today,
    )


@transaction.atomic
def _write(*, actor, unit, manifest, content, sha, package_uid, drafts, filename, today) -> ReceivedPackage:
    source, rnd = manifest["source"], manifest["round"]
    now = timezone.now()
    user = actor if actor and actor.is_authenticated else None
    round = Round(
        unit=unit,
        year=rnd["year"],
        category=rnd["category"],
        name=f"{rnd.get('name', '')} — {source.get('name', '')}"[:255],
        occasion=rnd.get("occasion", "") or "",
        deadline=max(today, dt.date(rnd["year"], 1, 1)),
        created_by=user,
    )
    round.full_clean(exclude=["unit", "created_by"])
    round.save()
    who = getattr(actor, "get_full_name", lambda: "")() or getattr(actor, "username", "")
    reason = f"Nhập từ gói hồ sơ của {source.get('name', '')}"
    nominations = []
    for uid, e, person, unit_obj, home, foreign in drafts:
        n = Nomination(
            round=round,
            kind=e["kind"],
            person=person,
            unit=unit_obj,
            foreign_nationality=(foreign or {}).get("nationality", "") if not person and not unit_obj else "",
            foreign_organisation=(foreign or {}).get("organisation", "")
            if not person and not unit_obj
            else "",
            name=e["name"],
            home=home,
            candidate=e["candidate"],
            category=e["category"],
            achievement_summary=e.get("achievement_summary", "") or "",
            status=NominationStatus.SUBMITTED,
            status_changed_at=now,
            is_exception=bool(e.get("is_exception")),
            exception_reason=e.get("exception_reason", "") or "",
            verdict_at_creation=e.get("verdict_at_creation", "") or "",
            created_by=user,
        )
        n.save()
        nominations.append((n, uid, e))
    NominationEvent.objects.bulk_create(
        NominationEvent(
            nomination=n, step="create", to_status=n.status, actor=user, actor_name=who, at=now, reason=reason
        )
        for n, _uid, _e in nominations
    )
    for n, _uid, e in nominations:
        for s in e.get("snapshots", [])[-1:]:  # the evidence as last frozen below
            EvidenceSnapshot(
                nomination=n,
                step="submit",  # the evidence as the sender froze it when submitting
                taken_at=now,
                taken_by=user,
                as_of=_date(s.get("as_of")) or today,
                record=s.get("record") or [],
                case=s.get("case"),
                answer=s.get("answer"),
                guards=s.get("guards") or [],
            ).save()
    package = ReceivedPackage(
        package_uid=package_uid,
        sha256=sha,
        source_unit_code=source.get("code", "")[:40],
        source_unit_name=source.get("name", "")[:255],
        source_round_name=rnd.get("name", "")[:255],
        letter_reference=(manifest.get("letter") or {}).get("reference", "")[:60],
        round=round,
        manifest=manifest,
        imported_by=user,
        imported_at=now,
    )
    package.file.save(f"{package_uid}.zip", ContentFile(content), save=False)
    package.save()
    ReceivedNomination.objects.bulk_create(
        ReceivedNomination(package=package, nomination=n, source_uid=uid, source_status=e.get("status", ""))
        for n, uid, e in nominations
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=round, after=snapshot(round), reason=reason)
    audit_log_many(
        actor=actor,
        items=((AuditAction.CREATE, n, None, snapshot(n)) for n, _u, _e in nominations),
        reason=reason,
    )
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=package,
        after={"package_uid": str(package_uid), "sha256": sha, "file": filename[:200]},
        reason=reason,
    )
    return package
