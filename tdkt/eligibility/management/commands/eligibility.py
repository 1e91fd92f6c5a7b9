"""python manage.py eligibility --unit CODE --year YYYY [--json] [--as-of YYYY-MM-DD]"""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from tdkt.core.timeutil import today_vn
from tdkt.eligibility.selectors import first_reason, review_as_of
from tdkt.eligibility.services import eligibility_answers, subjects_for_year
from tdkt.org.models import Unit

COLUMNS = ("subject", "name", "candidate", "verdict", "first_reason")


class Command(BaseCommand):
    help = (
        "Evaluate every person and collective of a unit for a year with the law engine and print, per "
        "subject and candidate, the verdict and the first failing reason (tab-separated); --json prints "
        "the engine's full answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="unit code, e.g. BVA")
        parser.add_argument("--year", required=True, type=int, help="achievement year under review")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="the law engine's full answer per subject"
        )
        parser.add_argument("--as-of", dest="as_of", help="review date YYYY-MM-DD (default: as the app does)")

    def handle(self, *args, unit, year, as_json: bool, as_of, **options):
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"Không tìm thấy đơn vị có mã «{unit}».")
        today = today_vn()
        if as_of:
            try:
                review_date = dt.date.fromisoformat(as_of)
            except ValueError:
                raise CommandError(f"Ngày xét «{as_of}» không đúng dạng YYYY-MM-DD.") from None
        else:
            review_date = review_as_of(year, today)
        if review_date.year < year:
            raise CommandError(f"Ngày xét {review_date:%d/%m/%Y} đứng trước năm {year}.")
        subjects = subjects_for_year(unit=found, year=year, as_of=review_date)
        answers = eligibility_answers(subjects, year=year, as_of=review_date)
        if as_json:
            self.stdout.write(json.dumps([answer for _, answer in answers], ensure_ascii=False, indent=2))
            return
        self.stdout.write("\t".join(COLUMNS))
        for subject, answer in answers:
            for result in answer["results"]:
                reason = first_reason(result) if result["verdict"] != "eligible" else None
                row = (
                    subject.code,
                    subject.name,
                    result["candidate"],
                    result["verdict"],
                    reason["text"] if reason else "",
                )
                self.stdout.write("\t".join(row))
