"""Running the law engine over a unit: the answers subject by subject (for the command) and the stored
results of the unit list (recompute). Set-based: records are read in chunks, one query per record type."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from django.db import connection, transaction
from django.utils import timezone

from tdkt.core.jobs import job_progress, job_start
from tdkt.core.models import Job
from tdkt.law import evaluate_many
from tdkt.law.batch import NOT_APPLICABLE, VERDICTS, evaluate_population
from tdkt.law.parameters import load as load_parameters
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.facts import collective_cases, person_cases, person_subjects

from .models import EligibilityResult, EligibilityRun, SubjectKind
from .selectors import CANDIDATE_RANK, collectives_for_year, people_for_year

CHUNK = 1000  # subjects read and evaluated together by the scalar engine (the command's answers)
BATCH = 5_000  # subjects read and judged together by the batch engine (the stored list)
WRITE_BATCH = 2000


@dataclass(frozen=True)
class Subject:
    """A person or a collective reviewed in a unit for a year, with where they belonged that year."""

    kind: str
    code: str
    name: str
    sort_key: str
    home: Unit
    person: Person | None = None
    unit: Unit | None = None
    gender: str = ""
    is_manager: bool | None = None


def subjects_for_year(*, unit: Unit, year: int, as_of: dt.date) -> list[Subject]:
    """The unit's collectives (itself and every unit under it) in tree order, then its people in
    Vietnamese name order."""
    collectives = [
        Subject(kind=SubjectKind.COLLECTIVE, code=u.code, name=u.name, sort_key=u.path, home=u, unit=u)
        for u in collectives_for_year(unit, year=year, as_of=as_of)
    ]
    people = [
        Subject(
            kind=SubjectKind.PERSON,
            code=p.cccd,
            name=p.full_name,
            sort_key=p.sort_key,
            home=home,
            person=p,
            gender=p.gender,
            is_manager=p.is_manager,
        )
        for p, home in people_for_year(unit, year=year, as_of=as_of)
    ]
    return collectives + people


def eligibility_answers(
    subjects: list[Subject], *, year: int, as_of: dt.date
) -> Iterator[tuple[Subject, dict]]:
    """The law engine's full answer for each subject, every candidate that applies to its kind."""
    for kind, build in ((SubjectKind.COLLECTIVE, collective_cases), (SubjectKind.PERSON, person_cases)):
        group = [s for s in subjects if s.kind == kind]
        for start in range(0, len(group), CHUNK):
            chunk = group[start : start + CHUNK]
            objects = [s.unit if kind == SubjectKind.COLLECTIVE else s.person for s in chunk]
            answers = evaluate_many(build(objects, year=year, as_of=as_of))
            yield from zip(chunk, answers, strict=True)


# Columns of a stored result, in the order `_result_rows` gives them (the COPY / INSERT column list).
RESULT_COLUMNS = (
    "kind",
    "person_id",
    "unit_id",
    "home_id",
    "home_path",
    "subject_code",
    "name",
    "sort_key",
    "gender",
    "is_manager",
    "year",
    "candidate",
    "candidate_rank",
    "verdict",
    "rule",
    "verified",
    "first_condition",
    "first_reason",
    "first_cite",
    "as_of",
    "computed_at",
)


def _result_rows(subjects: list[Subject], answer, *, year: int, as_of: dt.date, now) -> Iterator[tuple]:
    """The stored rows of a batch answer, subject by subject, each candidate that applies: its verdict,
    rule and the first failing (else unknown) checkable condition, worded and cited as the scalar engine
    words it."""
    ranks = [CANDIDATE_RANK.get(c, 0) for c in answer.candidates]
    verdicts, codes, verified = answer.verdicts, answer.explanation_codes, answer.verified
    for i, subject in enumerate(subjects):
        person_id = subject.person.pk if subject.person is not None else None
        unit_id = subject.unit.pk if subject.unit is not None else None
        head = (
            subject.kind,
            person_id,
            unit_id,
            subject.home.pk,
            subject.home.path,
            subject.code,
            subject.name,
            subject.sort_key,
            subject.gender,
            subject.is_manager,
            year,
        )
        kind = answer.kinds[i]
        for c, candidate in enumerate(answer.candidates):
            code = int(verdicts[c, i])
            if code == NOT_APPLICABLE:
                continue
            explained = int(codes[c, i])
            condition, text, cite = answer.explanations[explained] if explained >= 0 else ("", "", "")
            yield (
                *head,
                candidate,
                ranks[c],
                VERDICTS[code],
                answer.rules[(candidate, kind)],
                bool(verified[c, i]),
                condition,
                text,
                (cite or "")[:255],
                as_of,
                now,
            )


def _insert_results(rows: list[tuple]) -> None:
    """Write result rows: COPY on PostgreSQL (the cost of a bulk insert is mostly its statement size and
    parsing); batched INSERTs elsewhere."""
    table = EligibilityResult._meta.db_table
    columns = ", ".join(RESULT_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(RESULT_COLUMNS))
        for start in range(0, len(rows), WRITE_BATCH):
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows[start : start + WRITE_BATCH]
            )


# A stored row equal to a new one on these (every column but the two dates, which come last) is kept.
_COMPARED = RESULT_COLUMNS[: RESULT_COLUMNS.index("as_of")]
assert RESULT_COLUMNS[len(_COMPARED) :] == ("as_of", "computed_at")
_KEY = tuple(_COMPARED.index(c) for c in ("kind", "person_id", "unit_id", "candidate"))


def _replace_results(*, unit: Unit, year: int, person_ids: list[int], rows: list[tuple]) -> tuple[int, int]:
    """Make the stored rows of the unit's subtree for the year (and any row of its people stored
    elsewhere: people who moved in) exactly `rows`, touching only what differs: a row whose verdict and
    details are unchanged is kept as it is. Returns (rows inserted, rows deleted)."""
    fields = ["id", *_COMPARED]
    stored = list(
        EligibilityResult.objects.filter(year=year, home_path__startswith=unit.path)
        .order_by()
        .values_list(*fields)
    )
    if person_ids:  # people who moved in: their rows stored elsewhere
        stored += (
            EligibilityResult.objects.filter(year=year, person_id__any=person_ids)
            .exclude(home_path__startswith=unit.path)
            .order_by()
            .values_list(*fields)
        )
    key_of = itemgetter(*_KEY)
    kept: dict[tuple, tuple[int, tuple]] = {}  # key → (id, what must be equal to keep the row)
    for row in stored:
        compared = row[1:]
        kept[key_of(compared)] = (row[0], compared)
    fresh = []
    width = len(_COMPARED)
    for row in rows:
        compared = row[:width]
        key = key_of(compared)
        found = kept.get(key)
        if found is not None and found[1] == compared:
            del kept[key]
        else:
            fresh.append(row)
    gone = [pk for pk, _ in kept.values()]
    for start in range(0, len(gone), WRITE_BATCH):
        EligibilityResult.objects.filter(pk__any=gone[start : start + WRITE_BATCH]).delete()
    _insert_results(fresh)
    return len(fresh), len(gone)


def _evaluate(subjects: list[Subject], *, kind: str, year: int, as_of: dt.date, table):
    """The batch engine's explained answer for subjects of one kind."""
    if kind == SubjectKind.PERSON:
        law_subjects = person_subjects([s.person for s in subjects], year=year, as_of=as_of)
    else:
        law_subjects = collective_cases([s.unit for s in subjects], year=year, as_of=as_of)
    return evaluate_population(law_subjects, as_of=as_of, year=year, table=table, explain=True)


def eligibility_recompute(*, unit: Unit, year: int, as_of: dt.date, job: Job | None = None) -> dict:
    """Evaluate everyone and every collective of the unit for `year` and replace the stored results of
    the unit's subtree for that year in one transaction. Returns the counts by verdict.

    Set-based end to end: the records are read one query per record type for a chunk of subjects, the
    law engine's batch run (tdkt.law.batch, explained exactly as the scalar engine explains) judges the
    chunk at once, and the rows are written with COPY."""
    subjects = subjects_for_year(unit=unit, year=year, as_of=as_of)
    if job:
        job_start(job, total=len(subjects), message="Đang xét điều kiện…")
    now = timezone.now()
    table = load_parameters()
    rows: list[tuple] = []
    done = 0
    for kind in (SubjectKind.COLLECTIVE, SubjectKind.PERSON):
        group = [s for s in subjects if s.kind == kind]
        for start in range(0, len(group), BATCH):
            chunk = group[start : start + BATCH]
            answer = _evaluate(chunk, kind=kind, year=year, as_of=as_of, table=table)
            rows.extend(_result_rows(chunk, answer, year=year, as_of=as_of, now=now))
            done += len(chunk)
            if job:
                job_progress(job, done=done)
    if job:
        job_progress(job, done=len(subjects), message="Đang ghi kết quả…")
    person_ids = [s.person.pk for s in subjects if s.person is not None]
    with transaction.atomic():
        written, removed = _replace_results(unit=unit, year=year, person_ids=person_ids, rows=rows)
        EligibilityRun.objects.create(
            unit=unit,
            year=year,
            as_of=as_of,
            computed_at=now,
            subjects=len(subjects),
            results=len(rows),
            written=written,
            removed=removed,
        )
    verdicts = Counter(row[RESULT_COLUMNS.index("verdict")] for row in rows)
    return {
        "subjects": len(subjects),
        "results": len(rows),
        "eligible": verdicts["eligible"],
        "not_eligible": verdicts["not_eligible"],
        "unknown": verdicts["unknown"],
        "written": written,
        "removed": removed,
    }
