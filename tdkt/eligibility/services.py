"""Running the law engine over a unit: the answers subject by subject (for the command) and the stored
results of the unit list (recompute). Set-based: records are read in chunks, one query per record type."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tdkt.core.jobs import job_progress, job_start
from tdkt.core.models import Job
from tdkt.law import evaluate_many
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.records.facts import collective_cases, person_cases

from .models import EligibilityResult, SubjectKind
from .selectors import CANDIDATE_RANK, collectives_for_year, first_reason, people_for_year

CHUNK = 1000  # subjects read and evaluated together
WRITE_BATCH = 2000
PROGRESS_EVERY = 250


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


def _row(subject: Subject, result: dict, *, year: int, as_of: dt.date, now) -> EligibilityResult:
    reason = first_reason(result) if result["verdict"] != "eligible" else None
    return EligibilityResult(
        kind=subject.kind,
        person=subject.person,
        unit=subject.unit,
        home=subject.home,
        home_path=subject.home.path,
        subject_code=subject.code,
        name=subject.name,
        sort_key=subject.sort_key,
        gender=subject.gender,
        is_manager=subject.is_manager,
        year=year,
        candidate=result["candidate"],
        candidate_rank=CANDIDATE_RANK.get(result["candidate"], 0),
        verdict=result["verdict"],
        rule=result["rule"],
        verified=result["verified"],
        first_condition=reason["id"] if reason else "",
        first_reason=reason["text"] if reason else "",
        first_cite=(reason["cite"] if reason else "")[:255],
        as_of=as_of,
        computed_at=now,
    )


def eligibility_recompute(*, unit: Unit, year: int, as_of: dt.date, job: Job | None = None) -> dict:
    """Evaluate everyone and every collective of the unit for `year` and replace the stored results of
    the unit's subtree for that year in one transaction. Returns the counts by verdict."""
    subjects = subjects_for_year(unit=unit, year=year, as_of=as_of)
    if job:
        job_start(job, total=len(subjects), message="Đang xét điều kiện…")
    now = timezone.now()
    rows: list[EligibilityResult] = []
    verdicts: Counter = Counter()
    for done, (subject, answer) in enumerate(eligibility_answers(subjects, year=year, as_of=as_of), start=1):
        for result in answer["results"]:
            rows.append(_row(subject, result, year=year, as_of=as_of, now=now))
            verdicts[result["verdict"]] += 1
        if job and done % PROGRESS_EVERY == 0:
            job_progress(job, done=done)
    if job:
        job_progress(job, done=len(subjects), message="Đang ghi kết quả…")
    person_ids = [s.person.pk for s in subjects if s.person is not None]
    with transaction.atomic():
        EligibilityResult.objects.filter(year=year, home_path__startswith=unit.path).delete()
        for start in range(0, len(person_ids), CHUNK):  # people who moved in: their rows elsewhere go
            EligibilityResult.objects.filter(
                year=year, person_id__in=person_ids[start : start + CHUNK]
            ).delete()
        for start in range(0, len(rows), WRITE_BATCH):
            EligibilityResult.objects.bulk_create(rows[start : start + WRITE_BATCH])
    return {
        "subjects": len(subjects),
        "results": len(rows),
        "eligible": verdicts["eligible"],
        "not_eligible": verdicts["not_eligible"],
        "unknown": verdicts["unknown"],
    }
