"""`python manage.py demo`: build the (fictional) demo province on an empty database."""

from django.core.management.base import BaseCommand, CommandError

from tdkt.demo.councils import council_logins
from tdkt.demo.generator import (
    DEFAULT_PEOPLE,
    DEFAULT_SEED,
    DEMO_PASSWORD,
    DEMO_URL,
    MAX_PEOPLE,
    MIN_PEOPLE,
    build_demo,
    demo_logins,
    grouped,
)
from tdkt.org.models import Unit


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: Sở Y tế tỉnh Bình An (hư cấu) với khoảng 40 đơn vị, việc sáp nhập năm 2025, "
        "khối thi đua, nhân sự và các tài khoản demo. Cùng --seed cho cùng dữ liệu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--people",
            type=int,
            default=DEFAULT_PEOPLE,
            help=f"số người (mặc định {DEFAULT_PEOPLE}, từ {MIN_PEOPLE} đến {MAX_PEOPLE})",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"mặc định {DEFAULT_SEED}")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="nếu cơ sở dữ liệu đã có đơn vị thì không tạo gì, chỉ in các tài khoản demo",
        )

    def handle(self, *args, people: int, seed: int, if_empty: bool, **options):
        existing = Unit.objects.count()
        if existing:
            if not if_empty:
                raise CommandError(
                    f"Cơ sở dữ liệu đã có {existing} đơn vị; lệnh demo chỉ tạo dữ liệu mẫu "
                    "trên cơ sở dữ liệu trống. Dùng --if-empty để bỏ qua, hoặc tạo cơ sở dữ liệu mới "
                    "(DATABASE_URL) rồi migrate."
                )
            self.stdout.write("Cơ sở dữ liệu đã có dữ liệu: không tạo thêm.")
            self._print_logins()
            return
        if not MIN_PEOPLE <= people <= MAX_PEOPLE:
            raise CommandError(f"--people phải từ {MIN_PEOPLE} đến {MAX_PEOPLE}.")

        result = build_demo(seed=seed, people=people, say=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong: {result.units} đơn vị, {grouped(result.people)} người, "
                f"{grouped(result.employments)} quá trình công tác, "
                f"{grouped(result.records)} bản ghi thi đua, {result.movements} kế hoạch thi đua "
                f"trong {result.seconds:.1f} s."
            )
        )
        self._print_logins()

    def _print_logins(self) -> None:
        rows = demo_logins()
        if not rows:
            self.stdout.write("Không có tài khoản demo trong cơ sở dữ liệu này.")
            return
        headers = ("Tên đăng nhập", "Vai trò", "Đơn vị", "Mật khẩu")
        table = [headers, *((*row, DEMO_PASSWORD) for row in rows)]
        widths = [max(len(r[i]) for r in table) for i in range(len(headers))]
        self.stdout.write("")
        self.stdout.write("Tài khoản demo")
        for i, row in enumerate(table):
            self.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
            if i == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        for council, day, members in council_logins():
            self.stdout.write("")
            self.stdout.write(f"{council} — phiên họp ngày {day}, cùng mật khẩu:")
            self.stdout.write("  " + ", ".join(members))
        self.stdout.write("")
        self.stdout.write(f"Mở {DEMO_URL} và đăng nhập bằng một tài khoản ở trên.")
