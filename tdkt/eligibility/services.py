"""Running the law engine over a unit: the answers subject by subject (for the command) and the stored
results of the unit list (recompute). Set-based: records are read in chunks, one query per record type."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial

import numpy as np
from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from tdkt.core.jobs import job_progress, job_start
from tdkt.core.models import Job
from tdkt.law import evaluate_many
from tdkt.law.batch import NOT_APPLICABLE, VERDICTS, BatchResult, evaluate_population
from tdkt.law.parameters import load as load_parameters
from tdkt.org.models import Unit
from tdkt.records.facts import collective_cases, person_cases, person_subjects

from . import workers
from .models import SUBJECT_COLUMNS, EligibilityResult, EligibilityRun, SubjectKind
from .selectors import CANDIDATE_RANK, ReviewedPerson, collectives_for_year, people_for_year

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
    person: ReviewedPerson | None = None
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
    *SUBJECT_COLUMNS,
    "candidate",
    "candidate_rank",
    "verdict",
    "rule",
    "verified",
    "first_condition",
    "first_reason",
    "first_cite",
    "digest",
    "as_of",
    "computed_at",
)


def _head(subject: Subject, year: int) -> tuple:
    """The values of SUBJECT_COLUMNS for the subject."""
    return (
        subject.kind,
        subject.person.pk if subject.person is not None else None,
        subject.unit.pk if subject.unit is not None else None,
        subject.home.pk,
        subject.home.path,
        subject.code,
        subject.name,
        subject.sort_key,
        subject.gender,
        subject.is_manager,
        year,
    )


def _key(subject: Subject) -> tuple:
    """What identifies a subject's rows of a year: (kind, person id, unit id), the head's first three."""
    return _head(subject, 0)[:3]


def _stable(value) -> int:
    """A 64-bit fingerprint of a value's repr that is the same in every process (unlike hash())."""
    digest = hashlib.blake2b(repr(value).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass
class _Judged:
    """A chunk of subjects of one kind with the batch engine's explained answer: per subject, how many
    rows it has (the candidates that apply to it) and the digest of those rows."""

    subjects: list[Subject]
    answer: BatchResult
    row_counts: np.ndarray
    digests: list[str]


def _judged(subjects: list[Subject], answer: BatchResult, *, year: int) -> _Judged:
    """Digest each subject's rows without building them: every stored column but the two dates is a
    function of the subject's head, the candidates and their ranks and rules, and the subject's column
    of verdicts, explanation codes and `verified` flags. Explanation codes are numbered per run, so each
    is replaced by a fingerprint of the explanation it stands for."""
    applies = answer.verdicts != NOT_APPLICABLE
    context = repr(
        (
            year,
            answer.candidates,
            [CANDIDATE_RANK.get(c, 0) for c in answer.candidates],
            sorted(answer.rules.items()),
        )
    ).encode()
    fingerprints = np.array([_stable(e) for e in answer.explanations] + [0], dtype=np.int64)
    columns = np.ascontiguousarray(
        np.concatenate(
            [
                answer.verdicts.astype(np.int64),
                fingerprints[answer.explanation_codes],  # -1 (no explanation) takes the last one: 0
                answer.verified.astype(np.int64),
            ]
        ).T
    )
    digests = [
        hashlib.blake2b(
            context + repr(_head(subject, year)).encode() + columns[i].tobytes(), digest_size=16
        ).hexdigest()
        for i, subject in enumerate(subjects)
    ]
    return _Judged(subjects, answer, applies.sum(axis=0), digests)


def _result_rows(judged: _Judged, indices, *, year: int, as_of: dt.date, now) -> Iterator[tuple]:
    """The stored rows of the subjects `indices` of a judged chunk, each candidate that applies: its
    verdict, rule and the first failing (else unknown) checkable condition, worded and cited as the
    scalar engine words it."""
    answer = judged.answer
    ranks = [CANDIDATE_RANK.get(c, 0) for c in answer.candidates]
    verdicts, codes, verified = answer.verdicts, answer.explanation_codes, answer.verified
    for i in indices:
        subject = judged.subjects[i]
        head = _head(subject, year)
        digest = judged.digests[i]
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
                digest,
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


def _stored_digests(*, unit: Unit, year: int, person_ids: list[int]) -> dict[tuple, tuple[str, str, int]]:
    """(kind, person id, unit id) → (lowest digest, highest digest, rows) of the subjects stored for the
    year in the unit's subtree, and of its people stored elsewhere (people who moved in). A subject's
    rows are as a recompute wrote them when both digests are that run's digest and none is missing;
    rows written another way (a refresh after a change by hand) carry no digest."""

    def grouped(queryset):
        return (
            queryset.order_by()
            .values_list("kind", "person_id", "unit_id")
            .annotate(Min("digest"), Max("digest"), Count("id"))
        )

    stored = list(grouped(EligibilityResult.objects.filter(year=year, home_path__startswith=unit.path)))
    if person_ids and Unit.objects.exclude(path__startswith=unit.path).exists():  # else nothing is elsewhere
        stored += grouped(
            EligibilityResult.objects.filter(year=year, person_id__any=person_ids).exclude(
                home_path__startswith=unit.path
            )
        )
    return {(kind, person, unit_id): tuple(rest) for kind, person, unit_id, *rest in stored}


def _delete_subjects(*, year: int, keys: list[tuple]) -> int:
    """Delete the year's rows of these subjects ((kind, person id, unit id) keys) in one statement;
    rows deleted."""
    if not keys:
        return 0
    people = [person for kind, person, _ in keys if kind == SubjectKind.PERSON]
    units = [unit_id for kind, _, unit_id in keys if kind == SubjectKind.COLLECTIVE]
    found = EligibilityResult.objects.filter(Q(person_id__any=people) | Q(unit_id__any=units), year=year)
    return found.delete()[0]


def _replace_results(
    *, stored: dict[tuple, tuple], year: int, judged: list[_Judged], as_of: dt.date, now
) -> tuple[int, int]:
    """Make the stored rows (`stored`: their digests, from `_stored_digests`) exactly the judged answers,
    touching only the subjects whose rows differ: a subject whose stored rows carry this run's digest,
    all of them, is kept as it is. Returns (rows inserted, rows deleted)."""
    stored = dict(stored)
    rewrite: list[tuple] = []
    rows: list[tuple] = []
    for chunk in judged:
        changed = []
        for i, subject in enumerate(chunk.subjects):
            key = _key(subject)
            digest = chunk.digests[i]
            found = stored.pop(key, None)
            if found != (digest, digest, int(chunk.row_counts[i])):
                changed.append(i)
                if found is not None:
                    rewrite.append(key)
        rows.extend(_result_rows(chunk, changed, year=year, as_of=as_of, now=now))
    removed = _delete_subjects(year=year, keys=rewrite + list(stored))  # changed, then no longer here
    _insert_results(rows)
    return len(rows), removed


def _evaluate(subjects: list[Subject], *, kind: str, year: int, as_of: dt.date, table):
    """The batch engine's explained answer for subjects of one kind."""
    if kind == SubjectKind.PERSON:
        law_subjects = person_subjects([s.person for s in subjects], year=year, as_of=as_of)
    else:
        law_subjects = collective_cases([s.unit for s in subjects], year=year, as_of=as_of)
    return evaluate_population(law_subjects, as_of=as_of, year=year, table=table, explain=True)


def _judge_people(part: list[Subject], report, *, year: int, as_of: dt.date, table) -> list[tuple]:
    """Judge people chunk by chunk: (answer, rows per subject, digests) of each chunk; `report(n)` after
    each. Runs in the recompute's process or in a forked one (what it returns travels back pickled)."""
    found = []
    for start in range(0, len(part), BATCH):
        chunk = part[start : start + BATCH]
        answer = _evaluate(chunk, kind=SubjectKind.PERSON, year=year, as_of=as_of, table=table)
        judged = _judged(chunk, answer, year=year)
        found.append((answer, judged.row_counts, judged.digests))
        report(len(chunk))
    return found


def eligibility_recompute(*, unit: Unit, year: int, as_of: dt.date, job: Job | None = None) -> dict:
    """Evaluate everyone and every collective of the unit for `year` and replace the stored results of
    the unit's subtree for that year in one transaction. Returns the counts by verdict.

    Set-based end to end: the records are read one query per record type for a chunk of subjects, the
    law engine's batch run (tdkt.law.batch, explained exactly as the scalar engine explains) judges the
    chunk at once, and only the subjects whose rows changed are written (with COPY on PostgreSQL). A
    large population's people are judged by several processes at once (`workers`)."""
    subjects = subjects_for_year(unit=unit, year=year, as_of=as_of)
    if job:
        job_start(job, total=len(subjects), message="Đang xét điều kiện…")
    now = timezone.now()
    table = load_parameters()
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if job:
            job_progress(job, done=done)

    collectives = [s for s in subjects if s.kind == SubjectKind.COLLECTIVE]
    people = [s for s in subjects if s.kind == SubjectKind.PERSON]
    judge = partial(_judge_people, year=year, as_of=as_of, table=table)
    shared = workers.can_share(len(people))
    parts = workers.parts_of(people, workers.PROCESSES) if shared else [people]
    judged: list[_Judged] = []
    with workers.Workers(judge, parts) if shared else nullcontext() as running:
        for start in range(0, len(collectives), BATCH):  # meanwhile, in this process
            chunk = collectives[start : start + BATCH]
            answer = _evaluate(chunk, kind=SubjectKind.COLLECTIVE, year=year, as_of=as_of, table=table)
            judged.append(_judged(chunk, answer, year=year))
            report(len(chunk))
        # What is stored is read while the other processes judge. A change by hand meanwhile refreshes
        # its subjects' rows without a digest: at worst they are rewritten below, as next time they would.
        stored = _stored_digests(unit=unit, year=year, person_ids=[s.person.pk for s in people])
        answers = running.results(on_progress=report) if running else [judge(people, report)]
    for part, found in zip(parts, answers, strict=True):
        for n, (answer, row_counts, digests) in enumerate(found):
            judged.append(_Judged(part[n * BATCH : (n + 1) * BATCH], answer, row_counts, digests))
    verdicts: Counter = Counter()
    for chunk in judged:
        codes = chunk.answer.verdicts
        values, counts = np.unique(codes[codes != NOT_APPLICABLE], return_counts=True)
        verdicts.update({VERDICTS[int(v)]: int(n) for v, n in zip(values, counts, strict=True)})
    if job:
        job_progress(job, done=len(subjects), message="Đang ghi kết quả…")
    results = sum(verdicts.values())
    with transaction.atomic():
        written, removed = _replace_results(stored=stored, year=year, judged=judged, as_of=as_of, now=now)
        EligibilityRun.objects.create(
            unit=unit,
            year=year,
            as_of=as_of,
            computed_at=now,
            subjects=len(subjects),
            results=results,
            written=written,
            removed=removed,
        )
    return {
        "subjects": len(subjects),
        "results": results,
        "eligible": verdicts["eligible"],
        "not_eligible": verdicts["not_eligible"],
        "unknown": verdicts["unknown"],
        "written": written,
        "removed": removed,
    }
