"""The demo province: a Sở Y tế with ~40 units, a 2025 merger, blocs, people and demo logins.

"Sở Y tế tỉnh Bình An" is FICTIONAL: the province, its units, communes and every person
are invented (any likeness to a real unit or person is chance). Unit naming follows
real plans of provincial health departments (Bệnh viện Đa khoa tỉnh …, Trung tâm Y tế
khu vực …, Trạm Y tế xã …, Khoa …, Phòng …).

Four parts:

* the organisation, built with the real services (`unit_create`, `unit_reorganise`,
  `bloc_create`): it is small, and its history (successions) must be the genuine one;
* the people, which may be hundreds of thousands: `people_specs` is a pure function of
  (seed, n, places) that yields plain `PersonSpec`s, and `write_people` turns them into
  `Person`/`Employment` rows with `bulk_create` and bulk audit entries. Posts are cut at
  the 2025 merger directly (old unit to 30/06/2025, successor from 01/07/2025), so the
  merger never has to move half a million rows after the fact;
* the records 2019–2025 of every person and collective (ratings, initiatives, discipline, leave, titles
  and awards), generated and written in bulk by `tdkt.demo.history`;
* the demo logins, one per role, linked to demo persons.
"""

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, chain

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.db import reset_queries, transaction

from tdkt.accounts.audit import audit_log_many, snapshot
from tdkt.accounts.models import AuditAction, Role, RoleAssignment
from tdkt.accounts.services import role_grant
from tdkt.core.text import split_name
from tdkt.core.timeutil import today_vn
from tdkt.demo import names
from tdkt.demo.councils import build_councils
from tdkt.demo.decisions import build_decisions
from tdkt.demo.dossiers import build_dossier_round
from tdkt.demo.history import YEARS, decision_suffix, demo_units, history_batches, write_history
from tdkt.demo.movements import build_movements
from tdkt.eligibility.selectors import default_review_year, review_as_of
from tdkt.eligibility.services import eligibility_recompute
from tdkt.org.models import SuccessionKind, Unit, UnitKind, UnitSuccession
from tdkt.org.services import bloc_create, unit_create, unit_reorganise
from tdkt.people.cccd import PROVINCE_CODES, make_cccd
from tdkt.people.models import MANAGER_POSITIONS, Employment, EmploymentStatus, Gender, Person, Position
from tdkt.people.models import Profession as P

DEFAULT_SEED = 2026
DEFAULT_PEOPLE = 20_000
MIN_PEOPLE = 200
MAX_PEOPLE = 1_000_000  # CCCD serials are 6 digits: one distinct serial per person
BATCH_SIZE = 5_000
PROGRESS_EVERY = 50_000

DEMO_PASSWORD = "tdkt-demo-2026"
DEMO_URL = "http://127.0.0.1:8000/"
AUDIT_REASON = "Khởi tạo dữ liệu mẫu"

PROVINCE = "Bình An"  # fictional
RECORDS_START = dt.date(2019, 1, 1)  # tdkt keeps posts from here on; earlier starters begin on this day
MERGER_DAY = dt.date(2025, 7, 1)
LAST_MOVE_DAY = dt.date(2025, 12, 31)
HORIZON = dt.date(2026, 6, 30)  # no generated event after this day (independent of today's date)
BLOC_YEARS = (2025, 2026)

CENTRE_MERGER_BASIS = (
    "Quyết định số 1268/QĐ-UBND ngày 20/6/2025 của Ủy ban nhân dân tỉnh Bình An về việc tổ chức lại "
    "Trung tâm Y tế khu vực Đông Hải và Trung tâm Y tế khu vực Long Mỹ"
)
STATION_MERGER_BASIS = (
    "Quyết định số 845/QĐ-SYT ngày 26/6/2025 của Sở Y tế tỉnh Bình An về việc sắp xếp trạm y tế "
    "theo đơn vị hành chính cấp xã sau sắp xếp"
)

# ---------------------------------------------------------------------------------------------
# The organisation (static description)
# ---------------------------------------------------------------------------------------------

# Profession mix of each kind of department: (profession, weight).
PROFILES: dict[str, tuple[tuple[str, float], ...]] = {
    "clinical": ((P.NURSE, 61), (P.DOCTOR, 26), (P.PHYSICIAN_ASSISTANT, 3), (P.TECHNICIAN, 3), (P.OTHER, 7)),
    "obstetric": ((P.MIDWIFE, 56), (P.DOCTOR, 22), (P.NURSE, 18), (P.OTHER, 4)),
    "lab": ((P.TECHNICIAN, 64), (P.DOCTOR, 22), (P.NURSE, 8), (P.OTHER, 6)),
    "pharmacy": ((P.PHARMACIST, 80), (P.TECHNICIAN, 4), (P.ADMINISTRATIVE, 6), (P.OTHER, 10)),
    "office": ((P.ADMINISTRATIVE, 82), (P.DOCTOR, 7), (P.NURSE, 5), (P.PHARMACIST, 1), (P.OTHER, 5)),
    "nursing_office": ((P.NURSE, 85), (P.ADMINISTRATIVE, 15)),
    "infection": ((P.NURSE, 72), (P.DOCTOR, 10), (P.TECHNICIAN, 8), (P.OTHER, 10)),
    "nutrition": ((P.DOCTOR, 30), (P.NURSE, 45), (P.OTHER, 25)),
    "rehab": ((P.TECHNICIAN, 42), (P.NURSE, 25), (P.DOCTOR, 26), (P.PHYSICIAN_ASSISTANT, 4), (P.OTHER, 3)),
    "preventive": (
        (P.PUBLIC_HEALTH, 46),
        (P.DOCTOR, 16),
        (P.TECHNICIAN, 14),
        (P.NURSE, 14),
        (P.PHYSICIAN_ASSISTANT, 8),
        (P.ADMINISTRATIVE, 4),
    ),
    "station": (
        (P.PHYSICIAN_ASSISTANT, 26),
        (P.NURSE, 22),
        (P.MIDWIFE, 22),
        (P.DOCTOR, 14),
        (P.PUBLIC_HEALTH, 9),
        (P.PHARMACIST, 7),
    ),
    "testing": ((P.PHARMACIST, 50), (P.TECHNICIAN, 38), (P.ADMINISTRATIVE, 4), (P.OTHER, 8)),
    "forensic": ((P.DOCTOR, 50), (P.TECHNICIAN, 35), (P.NURSE, 8), (P.OTHER, 7)),
    "directorate": ((P.DOCTOR, 88), (P.PHARMACIST, 4), (P.PUBLIC_HEALTH, 4), (P.ADMINISTRATIVE, 4)),
    "so_directorate": ((P.DOCTOR, 70), (P.PHARMACIST, 15), (P.ADMINISTRATIVE, 15)),
    "so_office": ((P.ADMINISTRATIVE, 55), (P.DOCTOR, 22), (P.PHARMACIST, 12), (P.PUBLIC_HEALTH, 11)),
}
# Who heads such a department.
HEAD_PROFESSIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "clinical": ((P.DOCTOR, 1),),
    "obstetric": ((P.DOCTOR, 1),),
    "lab": ((P.DOCTOR, 6), (P.TECHNICIAN, 4)),
    "pharmacy": ((P.PHARMACIST, 1),),
    "office": ((P.ADMINISTRATIVE, 6), (P.DOCTOR, 4)),
    "nursing_office": ((P.NURSE, 1),),
    "infection": ((P.DOCTOR, 5), (P.NURSE, 5)),
    "nutrition": ((P.DOCTOR, 1),),
    "rehab": ((P.DOCTOR, 1),),
    "preventive": ((P.DOCTOR, 7), (P.PUBLIC_HEALTH, 3)),
    "station": ((P.DOCTOR, 6), (P.PHYSICIAN_ASSISTANT, 4)),
    "testing": ((P.PHARMACIST, 1),),
    "forensic": ((P.DOCTOR, 1),),
    "directorate": PROFILES["directorate"],
    "so_directorate": PROFILES["so_directorate"],
    "so_office": ((P.ADMINISTRATIVE, 5), (P.DOCTOR, 3), (P.PHARMACIST, 2)),
}
# Share of women per profession (overall about 65 %).
FEMALE_SHARE: dict[str, float] = {
    P.NURSE: 0.82,
    P.MIDWIFE: 0.99,
    P.DOCTOR: 0.48,
    P.PHARMACIST: 0.72,
    P.TECHNICIAN: 0.58,
    P.PUBLIC_HEALTH: 0.55,
    P.PHYSICIAN_ASSISTANT: 0.45,
    P.ADMINISTRATIVE: 0.66,
    P.OTHER: 0.50,
}
MANAGER_SHARE = 0.075  # heads and deputy heads per department (with directors: about 8 % of all)
MOVER_SHARE = 0.056  # of staff: moved between units 2019–2025 (about 5 % of all)
LEAVER_SHARE = 0.022  # of staff: left (about 2 % of all)
CONTRACT_SHARE = 0.07
HOME_PROVINCE_SHARE = 0.65
# Stands in for the fictional province in CCCDs (cccd_problem accepts real province codes only).
HOME_PROVINCE_CODE = "052"
SERIAL_STEP = 395_627  # coprime with 10**6, so k → k·step mod 10**6 never repeats below a million


@dataclass(frozen=True)
class Dept:
    code: str  # suffix: the unit code is "<institution>-<code>"
    name: str
    kind: str
    weight: float
    profile: str


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    remote: bool = False


@dataclass(frozen=True)
class Institution:
    code: str
    name: str
    short_name: str
    kind: str
    weight: float  # share of the non-station staff
    directorate: int  # director and deputies (fixed, whatever the size)
    departments: tuple[Dept, ...]
    stations: tuple[Station, ...] = ()
    remote: bool = False
    directorate_profile: str = "directorate"


def _ward(code: str, name: str, weight: float, profile: str = "clinical") -> Dept:
    return Dept(code, name, UnitKind.WARD, weight, profile)


def _office(code: str, name: str, weight: float, profile: str = "office") -> Dept:
    return Dept(code, name, UnitKind.OFFICE, weight, profile)


def _hospital_offices(scale: float = 1.0) -> tuple[Dept, ...]:
    return (
        _office("TCHC", "Phòng Tổ chức – Hành chính", 2.0 * scale),
        _office("KHTH", "Phòng Kế hoạch tổng hợp", 1.5 * scale),
        _office("DD", "Phòng Điều dưỡng", 0.8 * scale, "nursing_office"),
        _office("TCKT", "Phòng Tài chính – Kế toán", 1.2 * scale),
    )


def _stations(centre: str, communes: Iterable[tuple[str, bool]]) -> tuple[Station, ...]:
    return tuple(
        Station(f"TYT-{centre}-{i:02d}", f"Trạm Y tế {commune}", remote)
        for i, (commune, remote) in enumerate(communes, start=1)
    )


def _centre(number: int, place: str, weight: float, communes, *, remote: bool = False) -> Institution:
    code = f"KV{number}"
    return Institution(
        code=f"TTYT-{code}",
        name=f"Trung tâm Y tế khu vực {place}",
        short_name=f"TTYT KV {place}",
        kind=UnitKind.HEALTH_CENTRE,
        weight=weight,
        directorate=3,
        remote=remote,
        departments=(
            _office("TCHC", "Phòng Tổ chức – Hành chính", 1.6),
            _office("KHNV", "Phòng Kế hoạch – Nghiệp vụ", 1.2),
            _office("TCKT", "Phòng Tài chính – Kế toán", 1.0),
            _office("DD", "Phòng Điều dưỡng", 0.5, "nursing_office"),
            _ward("KB", "Khoa Khám bệnh", 3.0),
            _ward("CC", "Khoa Cấp cứu – Hồi sức tích cực – Chống độc", 3.5),
            _ward("NOI", "Khoa Nội", 4.0),
            _ward("NGOAI", "Khoa Ngoại – Liên chuyên khoa", 3.5),
            _ward("SAN", "Khoa Chăm sóc sức khỏe sinh sản", 2.5, "obstetric"),
            _ward("NHI", "Khoa Nhi", 2.5),
            _ward("YHCT", "Khoa Y học cổ truyền – Phục hồi chức năng", 2.0, "rehab"),
            _ward("XN", "Khoa Xét nghiệm – Chẩn đoán hình ảnh", 2.5, "lab"),
            _ward("DUOC", "Khoa Dược – Trang thiết bị – Vật tư y tế", 2.4, "pharmacy"),
            _ward("KSBT", "Khoa Kiểm soát bệnh tật – HIV/AIDS", 3.0, "preventive"),
            _ward("YTCC", "Khoa Y tế công cộng – Dinh dưỡng", 2.2, "preventive"),
        ),
        stations=_stations(code, communes),
    )


def _so() -> Institution:
    return Institution(
        code="SYT",
        name=f"Sở Y tế tỉnh {PROVINCE}",
        short_name="Sở Y tế",
        kind=UnitKind.DEPARTMENT_OF_HEALTH,
        weight=0.45,
        directorate=4,
        directorate_profile="so_directorate",
        departments=(
            _office("VP", "Văn phòng Sở", 3.0, "so_office"),
            _office("TTRA", "Thanh tra Sở", 1.6, "so_office"),
            _office("TCCB", "Phòng Tổ chức cán bộ", 1.6, "so_office"),
            _office("KHTC", "Phòng Kế hoạch – Tài chính", 1.8, "so_office"),
            _office("NVY", "Phòng Nghiệp vụ Y", 2.0, "so_office"),
            _office("NVD", "Phòng Nghiệp vụ Dược", 1.5, "so_office"),
            _office("DS", "Phòng Dân số – Trẻ em", 1.2, "so_office"),
        ),
    )


def _general_hospital() -> Institution:
    return Institution(
        code="BVDK",
        name=f"Bệnh viện Đa khoa tỉnh {PROVINCE}",
        short_name="BVĐK tỉnh",
        kind=UnitKind.HOSPITAL,
        weight=16.0,
        directorate=4,
        departments=(
            *_hospital_offices(1.6),
            _office("QLCL", "Phòng Quản lý chất lượng", 0.8),
            _office("VTTB", "Phòng Vật tư – Thiết bị y tế", 1.0),
            _office("CTXH", "Phòng Công tác xã hội", 0.6),
            _ward("KB", "Khoa Khám bệnh", 4.0),
            _ward("CC", "Khoa Cấp cứu", 4.0),
            _ward("HSTC", "Khoa Hồi sức tích cực – Chống độc", 5.0),
            _ward("NOI", "Khoa Nội tổng hợp", 5.0),
            _ward("TIM", "Khoa Nội tim mạch", 4.0),
            _ward("TH", "Khoa Nội tiêu hóa", 3.0),
            _ward("NTIET", "Khoa Nội tiết", 2.5),
            _ward("TK", "Khoa Thần kinh", 3.0),
            _ward("TN", "Khoa Truyền nhiễm", 3.0),
            _ward("TNT", "Khoa Thận nhân tạo", 2.0),
            _ward("NGOAI", "Khoa Ngoại tổng hợp", 4.5),
            _ward("CTCH", "Khoa Chấn thương chỉnh hình", 3.5),
            _ward("NTK", "Khoa Ngoại thần kinh", 2.5),
            _ward("GMHS", "Khoa Phẫu thuật – Gây mê hồi sức", 5.0),
            _ward("SAN", "Khoa Phụ sản", 4.0, "obstetric"),
            _ward("NHI", "Khoa Nhi", 4.0),
            _ward("UB", "Khoa Ung bướu", 3.0),
            _ward("TMH", "Khoa Tai Mũi Họng", 2.0),
            _ward("RHM", "Khoa Răng Hàm Mặt", 1.5),
            _ward("MAT", "Khoa Mắt", 1.5),
            _ward("YHCT", "Khoa Y học cổ truyền – Phục hồi chức năng", 2.5, "rehab"),
            _ward("XN", "Khoa Xét nghiệm", 4.0, "lab"),
            _ward("CDHA", "Khoa Chẩn đoán hình ảnh", 3.5, "lab"),
            _ward("TDCN", "Khoa Thăm dò chức năng", 1.5, "lab"),
            _ward("GPB", "Khoa Giải phẫu bệnh", 1.0, "lab"),
            _ward("KSNK", "Khoa Kiểm soát nhiễm khuẩn", 2.0, "infection"),
            _ward("DDUONG", "Khoa Dinh dưỡng", 1.0, "nutrition"),
            _ward("DUOC", "Khoa Dược", 3.5, "pharmacy"),
        ),
    )


def _specialised(code, name, short_name, weight, wards: tuple[Dept, ...]) -> Institution:
    return Institution(
        code=code,
        name=name,
        short_name=short_name,
        kind=UnitKind.HOSPITAL,
        weight=weight,
        directorate=3,
        departments=(*_hospital_offices(), *wards),
    )


_KB = ("KB", "Khoa Khám bệnh", 2.5)
_XN = ("XN", "Khoa Xét nghiệm", 2.0, "lab")
_CDHA = ("CDHA", "Khoa Chẩn đoán hình ảnh", 1.5, "lab")
_CLS = ("CLS", "Khoa Cận lâm sàng", 2.0, "lab")
_DUOC = ("DUOC", "Khoa Dược", 2.0, "pharmacy")
_KSNK = ("KSNK", "Khoa Kiểm soát nhiễm khuẩn", 1.0, "infection")


def _wards(*specs) -> tuple[Dept, ...]:
    return tuple(_ward(*s) for s in specs)


def _institutions() -> tuple[Institution, ...]:
    """Every unit under the Sở before the 2025 changes, in display order."""
    bp = f"tỉnh {PROVINCE}"
    return (
        _so(),
        _general_hospital(),
        Institution(
            code="BVKV",
            name=f"Bệnh viện Đa khoa khu vực Nam {PROVINCE}",
            short_name="BVĐK KV Nam",
            kind=UnitKind.HOSPITAL,
            weight=6.0,
            directorate=3,
            departments=(
                *_hospital_offices(),
                *_wards(
                    _KB,
                    ("CC", "Khoa Cấp cứu", 3.0),
                    ("HSTC", "Khoa Hồi sức tích cực – Chống độc", 3.0),
                    ("NOI", "Khoa Nội tổng hợp", 4.0),
                    ("NGOAI", "Khoa Ngoại tổng hợp", 3.5),
                    ("GMHS", "Khoa Phẫu thuật – Gây mê hồi sức", 3.0),
                    ("SAN", "Khoa Phụ sản", 3.0, "obstetric"),
                    ("NHI", "Khoa Nhi", 3.0),
                    ("TN", "Khoa Truyền nhiễm", 2.0),
                    ("YHCT", "Khoa Y học cổ truyền – Phục hồi chức năng", 2.0, "rehab"),
                    _XN,
                    _CDHA,
                    _KSNK,
                    _DUOC,
                ),
            ),
        ),
        _specialised(
            "BVSN",
            f"Bệnh viện Sản – Nhi {bp}",
            "BV Sản – Nhi",
            6.5,
            _wards(
                _KB,
                ("CC", "Khoa Cấp cứu", 2.5),
                ("HSTC", "Khoa Hồi sức tích cực – Chống độc", 3.0),
                ("SS", "Khoa Sơ sinh", 3.5),
                ("NHI", "Khoa Nhi tổng hợp", 4.0),
                ("NHIN", "Khoa Nhi nhiễm", 2.5),
                ("SANB", "Khoa Sản bệnh", 3.0, "obstetric"),
                ("DE", "Khoa Đẻ", 3.5, "obstetric"),
                ("PHU", "Khoa Phụ", 2.5, "obstetric"),
                ("GMHS", "Khoa Phẫu thuật – Gây mê hồi sức", 3.0),
                _XN,
                _CDHA,
                _KSNK,
                ("DDUONG", "Khoa Dinh dưỡng", 0.8, "nutrition"),
                _DUOC,
            ),
        ),
        _specialised(
            "BVYHCT",
            f"Bệnh viện Y học cổ truyền {bp}",
            "BV YHCT",
            3.0,
            _wards(
                _KB,
                ("NOI", "Khoa Nội", 3.0),
                ("NGOAI", "Khoa Ngoại – Phụ", 2.0),
                ("CCDS", "Khoa Châm cứu – Dưỡng sinh", 2.5, "rehab"),
                ("PHCN", "Khoa Phục hồi chức năng", 2.5, "rehab"),
                ("LAO", "Khoa Lão khoa", 2.0),
                ("NHI", "Khoa Nhi", 1.5),
                _CLS,
                ("DUOC", "Khoa Dược", 2.0, "pharmacy"),
            ),
        ),
        _specialised(
            "BVPHOI",
            f"Bệnh viện Phổi {bp}",
            "BV Phổi",
            2.4,
            _wards(
                _KB,
                ("LAO", "Khoa Lao hô hấp", 3.0),
                ("LNP", "Khoa Lao ngoài phổi", 2.0),
                ("BP", "Khoa Bệnh phổi", 2.5),
                ("HSTC", "Khoa Hồi sức tích cực – Chống độc", 2.0),
                _XN,
                _CDHA,
                _KSNK,
                _DUOC,
            ),
        ),
        _specialised(
            "BVTT",
            f"Bệnh viện Tâm thần {bp}",
            "BV Tâm thần",
            2.2,
            _wards(
                _KB,
                ("NAM", "Khoa Điều trị nam", 3.0),
                ("NU", "Khoa Điều trị nữ", 2.5),
                ("CT", "Khoa Điều trị tâm thần cấp tính", 2.0),
                ("NGHIEN", "Khoa Điều trị nghiện chất", 1.5),
                _CLS,
                _DUOC,
            ),
        ),
        _specialised(
            "BVMAT",
            f"Bệnh viện Mắt {bp}",
            "BV Mắt",
            1.5,
            _wards(
                _KB,
                ("PT", "Khoa Phẫu thuật – Gây mê hồi sức", 2.0),
                ("DT", "Khoa Điều trị tổng hợp", 2.5),
                ("NHI", "Khoa Mắt trẻ em", 1.5),
                _CLS,
                _DUOC,
            ),
        ),
        _specialised(
            "BVPHCN",
            f"Bệnh viện Phục hồi chức năng {bp}",
            "BV PHCN",
            1.8,
            _wards(
                _KB,
                ("VLTL", "Khoa Vật lý trị liệu", 3.0, "rehab"),
                ("HDTL", "Khoa Hoạt động trị liệu – Ngôn ngữ trị liệu", 2.0, "rehab"),
                ("NHI", "Khoa Phục hồi chức năng Nhi", 2.0, "rehab"),
                ("NOI", "Khoa Nội tổng hợp", 1.5),
                _CLS,
                _DUOC,
            ),
        ),
        Institution(
            code="CDC",
            name=f"Trung tâm Kiểm soát bệnh tật {bp}",
            short_name="CDC",
            kind=UnitKind.CDC,
            weight=3.5,
            directorate=4,
            departments=(
                _office("TCHC", "Phòng Tổ chức – Hành chính", 1.5),
                _office("KHTC", "Phòng Kế hoạch – Tài chính", 1.5),
                _ward("BTN", "Khoa Phòng, chống bệnh truyền nhiễm", 3.0, "preventive"),
                _ward("KLN", "Khoa Phòng, chống bệnh không lây nhiễm", 2.5, "preventive"),
                _ward("HIV", "Khoa Phòng, chống HIV/AIDS", 2.0, "preventive"),
                _ward("SKMT", "Khoa Sức khỏe môi trường – Y tế trường học", 2.0, "preventive"),
                _ward("BNN", "Khoa Bệnh nghề nghiệp", 1.5, "preventive"),
                _ward("DD", "Khoa Dinh dưỡng", 1.5, "preventive"),
                _ward("SKSS", "Khoa Sức khỏe sinh sản", 2.0, "obstetric"),
                _ward("TTGDSK", "Khoa Truyền thông, giáo dục sức khỏe", 1.5, "preventive"),
                _ward("KDYT", "Khoa Kiểm dịch y tế quốc tế", 1.0, "preventive"),
                _ward("XN", "Khoa Xét nghiệm – Chẩn đoán hình ảnh – Thăm dò chức năng", 2.5, "lab"),
                _ward("DUOC", "Khoa Dược – Vật tư y tế", 1.0, "pharmacy"),
            ),
        ),
        Institution(
            code="TTKN",
            name=f"Trung tâm Kiểm nghiệm Thuốc, Mỹ phẩm, Thực phẩm {bp}",
            short_name="TT Kiểm nghiệm",
            kind=UnitKind.OTHER_CENTRE,
            weight=0.8,
            directorate=3,
            departments=(
                _office("TCHC", "Phòng Tổ chức – Hành chính", 1.0),
                _office("KHTC", "Phòng Kế hoạch – Tài chính", 0.8),
                _office("DBCL", "Phòng Đảm bảo chất lượng", 0.8, "testing"),
                _ward("HL", "Khoa Kiểm nghiệm Hóa lý", 2.0, "testing"),
                _ward("VS", "Khoa Kiểm nghiệm Vi sinh", 1.5, "testing"),
                _ward("DL", "Khoa Kiểm nghiệm Đông dược – Dược liệu", 1.5, "testing"),
            ),
        ),
        Institution(
            code="TTPY",
            name=f"Trung tâm Pháp y {bp}",
            short_name="TT Pháp y",
            kind=UnitKind.OTHER_CENTRE,
            weight=0.45,
            directorate=2,
            departments=(
                _office("TCHC", "Phòng Tổ chức – Hành chính", 1.0),
                _ward("GD", "Khoa Giám định pháp y", 2.0, "forensic"),
                _ward("XN", "Khoa Xét nghiệm", 1.0, "forensic"),
            ),
        ),
        Institution(
            code="TTGDYK",
            name=f"Trung tâm Giám định y khoa {bp}",
            short_name="TT Giám định y khoa",
            kind=UnitKind.OTHER_CENTRE,
            weight=0.4,
            directorate=2,
            departments=(
                _office("TCHC", "Phòng Tổ chức – Hành chính", 1.0),
                _ward("GD", "Khoa Giám định y khoa", 2.0, "forensic"),
            ),
        ),
        _centre(
            1,
            PROVINCE,
            12.0,
            [
                ("phường Phú Thịnh", False),
                ("phường Tân An", False),
                ("phường Hòa Bình", False),
                ("phường Đông Xuyên", False),
                ("xã Bình Mỹ", False),
            ],
        ),
        _centre(
            2,
            "Tân Phong",
            8.5,
            [("xã Phong Thạnh", False), ("xã Tân Hiệp", False), ("xã An Lạc", False), ("xã Đồng Tâm", True)],
        ),
        _centre(
            3,
            "Sông Trà",
            9.5,
            [
                ("xã Trà Bình", False),
                ("xã Trà Phú", False),
                ("xã Nghĩa Hưng", False),
                ("xã Hòa Thuận", False),
                ("xã Hòa Mỹ", False),
            ],
        ),
        _centre(
            4,
            "Ngọc Sơn",
            6.5,
            [("xã Ngọc Lâu", True), ("xã Sơn Kỳ", True), ("xã Ba Xa", True), ("xã Trà Lãnh", True)],
            remote=True,
        ),
        _centre(
            5,
            "Đông Hải",
            5.5,
            [("xã Hải Ninh", False), ("xã Hải Đông", False), ("phường Đông Hải", False)],
        ),
        _centre(
            6,
            "Long Mỹ",
            4.5,
            [("xã Long Mỹ", False), ("xã Long Thạnh", False), ("xã đảo Mỹ Lợi", True)],
        ),
    )


INSTITUTIONS: tuple[Institution, ...] = _institutions()

# Document symbols: a commune station signs as "TYT" (e.g. 05/BC-TYT); institutions use the suffix of their
# historical decisions (1234/QĐ-BVĐK) and departments their code (Lưu: VT, TCHC).
STATION_ABBREVIATION = "TYT"

# The 2025 restructuring.
MERGED_CENTRES = ("TTYT-KV5", "TTYT-KV6")
NEW_CENTRE = Institution(
    code="TTYT-KV7",
    name="Trung tâm Y tế khu vực Hải Long",
    short_name="TTYT KV Hải Long",
    kind=UnitKind.HEALTH_CENTRE,
    weight=0,
    directorate=0,
    departments=(),
)
MERGED_STATIONS = ("TYT-KV3-04", "TYT-KV3-05")  # communes Hòa Thuận and Hòa Mỹ became Thuận Mỹ
NEW_STATION = Station("TYT-KV3-06", "Trạm Y tế xã Thuận Mỹ")
NEW_STATION_PARENT = "TTYT-KV3"

# Blocs: (name, member codes, {year: leader code}); members are the units that exist at the
# end of each year (the merged centre carries its predecessors' year).
BLOCS: tuple[tuple[str, tuple[str, ...], dict[int, str]], ...] = (
    (
        "Khối các bệnh viện tuyến tỉnh",
        ("BVDK", "BVKV", "BVSN", "BVYHCT", "BVPHOI", "BVTT", "BVMAT", "BVPHCN"),
        {2025: "BVDK", 2026: "BVSN"},
    ),
    (
        "Khối các Trung tâm Y tế khu vực",
        ("TTYT-KV1", "TTYT-KV2", "TTYT-KV3", "TTYT-KV4", "TTYT-KV7"),
        {2025: "TTYT-KV1", 2026: "TTYT-KV3"},
    ),
    ("Khối các đơn vị dự phòng", ("CDC", "TTKN", "TTPY", "TTGDYK"), {2025: "CDC", 2026: "CDC"}),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit: str  # unit code
    department: str | None  # where to look for the linked person (code), None: the directorate
    position: str
    profession: str


# A merged centre's offices pass to the successor's office of the same name (e.g. TTYT-KV7-TCHC).
DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("so.thidua", Role.SO_OFFICER, "SYT", "SYT-TCCB", Position.STAFF, P.ADMINISTRATIVE),
    DemoLogin("bvdk.thidua", Role.UNIT_OFFICER, "BVDK", "BVDK-TCHC", Position.STAFF, P.ADMINISTRATIVE),
    DemoLogin("bvdk.giamdoc", Role.UNIT_HEAD, "BVDK", None, Position.DIRECTOR, P.DOCTOR),
    DemoLogin("bvdk.hoidong", Role.COUNCIL_MEMBER, "BVDK", "BVDK-NOI", Position.HEAD, P.DOCTOR),
    DemoLogin("bvdk.thuky", Role.COUNCIL_SECRETARY, "BVDK", "BVDK-TCHC", Position.HEAD, P.ADMINISTRATIVE),
    DemoLogin("bvdk.nhanvien", Role.STAFF, "BVDK", "BVDK-HSTC", Position.STAFF, P.NURSE),
    DemoLogin(
        "ttyt.thidua",
        Role.UNIT_OFFICER,
        "TTYT-KV7",
        "TTYT-KV7-TCHC",
        Position.STAFF,
        P.ADMINISTRATIVE,
    ),
)
ROLE_LABELS_VI: dict[str, str] = {
    Role.SO_OFFICER: "Chuyên viên TĐKT Sở Y tế",
    Role.UNIT_OFFICER: "Cán bộ làm công tác TĐKT",
    Role.UNIT_HEAD: "Thủ trưởng đơn vị",
    Role.COUNCIL_MEMBER: "Thành viên Hội đồng TĐKT",
    Role.COUNCIL_SECRETARY: "Thư ký Hội đồng TĐKT",
    Role.STAFF: "Viên chức",
}
# Used only when no demo person fits (never with the default sizes).
FALLBACK_NAMES = ("Nguyễn Thị Hương", "Trần Văn Minh", "Lê Thị Thu Hà", "Phạm Quốc Huy", "Võ Thị Ngọc Anh")


# ---------------------------------------------------------------------------------------------
# Building the organisation with the real services
# ---------------------------------------------------------------------------------------------


def build_org() -> dict[str, Unit]:
    """Create the Sở and everything under it, then the 2025 mergers. Returns units by code."""
    so_spec = INSTITUTIONS[0]
    so = unit_create(
        actor=None,
        code=so_spec.code,
        name=so_spec.name,
        kind=so_spec.kind,
        short_name=so_spec.short_name,
        document_abbreviation=decision_suffix(so_spec.code),
    )
    for spec in INSTITUTIONS:
        unit = so if spec is so_spec else _create_institution(spec, so)
        for dept in spec.departments:
            unit_create(
                actor=None,
                code=f"{spec.code}-{dept.code}",
                name=dept.name,
                kind=dept.kind,
                parent=unit,
                is_remote_area=spec.remote,
                document_abbreviation=dept.code,
            )
        for station in spec.stations:
            unit_create(
                actor=None,
                code=station.code,
                name=station.name,
                kind=UnitKind.COMMUNE_STATION,
                parent=unit,
                is_remote_area=station.remote,
                document_abbreviation=STATION_ABBREVIATION,
            )

    units = {u.code: u for u in Unit.objects.all()}
    # Two regional centres merge into a new one; their departments and stations move with them.
    new_centre = _create_institution(NEW_CENTRE, so, valid_from=MERGER_DAY)
    unit_reorganise(
        actor=None,
        kind=SuccessionKind.MERGER,
        predecessors=[units[c] for c in MERGED_CENTRES],
        successor=new_centre,
        effective_on=MERGER_DAY,
        basis=CENTRE_MERGER_BASIS,
        move_people=False,  # nobody exists yet: people_specs cuts the posts at MERGER_DAY itself
    )
    # Two communes merged, so their stations merge into the new commune's station.
    new_station = unit_create(
        actor=None,
        code=NEW_STATION.code,
        name=NEW_STATION.name,
        kind=UnitKind.COMMUNE_STATION,
        parent=units[NEW_STATION_PARENT],
        valid_from=MERGER_DAY,
        document_abbreviation=STATION_ABBREVIATION,
    )
    unit_reorganise(
        actor=None,
        kind=SuccessionKind.MERGER,
        predecessors=[units[c] for c in MERGED_STATIONS],
        successor=new_station,
        effective_on=MERGER_DAY,
        basis=STATION_MERGER_BASIS,
        move_people=False,
    )
    return {u.code: u for u in Unit.objects.all()}


def _create_institution(spec: Institution, parent: Unit, valid_from: dt.date = dt.date(2000, 1, 1)) -> Unit:
    return unit_create(
        actor=None,
        code=spec.code,
        name=spec.name,
        kind=spec.kind,
        parent=parent,
        short_name=spec.short_name,
        is_remote_area=spec.remote,
        valid_from=valid_from,
        document_abbreviation=decision_suffix(spec.code),
    )


def build_blocs(units: dict[str, Unit]) -> None:
    for year in BLOC_YEARS:
        for name, members, leaders in BLOCS:
            bloc_create(
                actor=None,
                owner=units["SYT"],
                year=year,
                name=name,
                members=[units[c] for c in members],
                leader=units[leaders[year]],
            )


# ---------------------------------------------------------------------------------------------
# People: a pure function of (seed, n, places)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch of a place's life in one (institution, department)."""

    unit: str
    department: str | None
    valid_from: dt.date
    valid_to: dt.date | None
    demote: bool = False  # a second head merged in: director → deputy, station head → staff


@dataclass(frozen=True)
class Place:
    """Where a group of people works: a department (or a station, or a directorate) and what it became."""

    key: str
    role: str  # "directorate", "ward", "office", "station"
    profile: str
    weight: float  # share of the non-station, non-directorate staff
    fixed: int  # directorate size
    civil_servants: bool  # the Sở employs civil servants
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class PostSpec:
    unit: str
    department: str | None
    position: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class PersonSpec:
    cccd: str
    full_name: str
    gender: str
    birth_date: dt.date
    profession: str
    employment_status: str
    is_manager: bool
    health_sector_since: dt.date
    posts: tuple[PostSpec, ...]


def demo_places() -> tuple[Place, ...]:
    """The places people work in, read from the organisation in the database.

    Each place starts at an original (pre-2025) department, station or directorate and
    follows the succession links to what it became, so the merger history comes from
    `unit_reorganise`, not from a second description of it here.
    """
    by_pk = {u.pk: u for u in Unit.objects.all()}
    by_code = {u.code: u for u in by_pk.values()}
    successor: dict[int, int] = {}
    for pred, succ in UnitSuccession.objects.order_by("id").values_list("predecessor_id", "successor_id"):
        successor.setdefault(pred, succ)

    def lineage(inst: Unit, dept: Unit | None) -> list[Segment]:
        segments: list[Segment] = []
        while len(segments) < 10:
            start = max(inst.valid_from, dept.valid_from) if dept else inst.valid_from
            ends = [d for d in (inst.valid_to, dept.valid_to if dept else None) if d is not None]
            end = min(ends) if ends else None
            segments.append(Segment(inst.code, dept.code if dept else None, start, end))
            if end is None:
                break
            next_inst = by_pk[successor[inst.pk]] if inst.valid_to == end and inst.pk in successor else inst
            next_dept = dept
            if dept is not None and dept.valid_to == end and dept.pk in successor:
                next_dept = by_pk[successor[dept.pk]]
            if next_inst == inst and next_dept == dept:
                break  # closed without a successor: posts end there
            inst, dept = next_inst, next_dept
        return segments

    total_weight = sum(spec.weight for spec in INSTITUTIONS)
    places: list[Place] = []
    for spec in INSTITUTIONS:
        inst = by_code[spec.code]
        civil = spec.kind == UnitKind.DEPARTMENT_OF_HEALTH
        dept_weight = sum(d.weight for d in spec.departments)

        def place(key, role, profile, weight, fixed, dept, *, inst=inst, civil=civil):
            return Place(key, role, profile, weight, fixed, civil, tuple(lineage(inst, dept)))

        places.append(place(spec.code, "directorate", spec.directorate_profile, 0.0, spec.directorate, None))
        for d in spec.departments:
            code = f"{spec.code}-{d.code}"
            weight = spec.weight / total_weight * d.weight / dept_weight
            places.append(place(code, d.kind, d.profile, weight, 0, by_code[code]))
        for s in spec.stations:
            places.append(place(s.code, "station", "station", 0.0, 0, by_code[s.code]))

    # Where several places flow into one (two directorates into the new centre's, two stations
    # into one), the first keeps its head and the others' heads become deputies.
    seen: set[tuple] = set()
    result = []
    for p in places:
        segments = []
        for i, seg in enumerate(p.segments):
            key = (seg.unit, seg.department, seg.valid_from)
            if i > 0 and key in seen:
                seg = Segment(seg.unit, seg.department, seg.valid_from, seg.valid_to, demote=True)
            seen.add(key)
            segments.append(seg)
        result.append(Place(p.key, p.role, p.profile, p.weight, p.fixed, p.civil_servants, tuple(segments)))
    return tuple(result)


def _cum(pairs) -> tuple[tuple, tuple[float, ...]]:
    values = tuple(v for v, _ in pairs)
    return values, tuple(accumulate(w for _, w in pairs))


_FAMILY = _cum(names.FAMILY_NAMES)
_MIDDLE = {
    (Gender.MALE, False): _cum(names.MALE_MIDDLE_OLDER),
    (Gender.MALE, True): _cum(names.MALE_MIDDLE_YOUNGER),
    (Gender.FEMALE, False): _cum(names.FEMALE_MIDDLE_OLDER),
    (Gender.FEMALE, True): _cum(names.FEMALE_MIDDLE_YOUNGER),
}
_GIVEN = {Gender.MALE: names.MALE_GIVEN, Gender.FEMALE: names.FEMALE_GIVEN}
_PROFILES = {k: _cum(v) for k, v in PROFILES.items()}
_HEADS = {k: _cum(v) for k, v in HEAD_PROFESSIONS.items()}
# "096" is left to imports and benchmarks (bench/import_bench.py), so their CCCDs never meet the demo's.
RESERVED_PROVINCE_CODES = {"096"}
_PROVINCES = tuple(sorted(PROVINCE_CODES - RESERVED_PROVINCE_CODES))
_DEMOTED = {
    Position.DIRECTOR: Position.DEPUTY_DIRECTOR,
    Position.HEAD: Position.DEPUTY_HEAD,
    Position.STATION_HEAD: Position.STAFF,
}


def _pick(rng: random.Random, table) -> str:
    values, cum = table
    return rng.choices(values, cum_weights=cum)[0]


def _allocate(rng: random.Random, n: int, places: tuple[Place, ...]) -> list[int]:
    """How many people each place gets: stations 5–12, directorates fixed, the rest by weight."""
    sizes = [0] * len(places)
    stations = [i for i, p in enumerate(places) if p.role == "station"]
    for i in stations:
        sizes[i] = rng.randint(5, 12)
    cap = n * 3 // 10  # small demos: stations never take more than 30 %
    station_total = sum(sizes)
    if station_total > cap:
        for i in stations:
            sizes[i] = max(1, sizes[i] * cap // station_total)
    for i, p in enumerate(places):
        if p.role == "directorate":
            sizes[i] = p.fixed
    rest = n - sum(sizes)
    if rest < 0:
        raise ValueError(f"{n} people are too few for the demo province")
    weighted = [i for i, p in enumerate(places) if p.weight > 0]
    total = sum(places[i].weight for i in weighted)
    quotas = {i: places[i].weight / total * rest for i in weighted}
    for i in weighted:
        sizes[i] = int(quotas[i])
    short = rest - sum(sizes[i] for i in weighted)
    for i in sorted(weighted, key=lambda i: (-(quotas[i] - int(quotas[i])), i))[:short]:
        sizes[i] += 1
    return sizes


def _positions(place: Place, size: int) -> list[str]:
    if size == 0:
        return []
    if place.role == "directorate":
        return [Position.DIRECTOR] + [Position.DEPUTY_DIRECTOR] * (size - 1)
    if place.role == "station":
        return [Position.STATION_HEAD] + [Position.STAFF] * (size - 1)
    managers = max(1, int(size * MANAGER_SHARE + 0.5))
    positions = [Position.HEAD] + [Position.DEPUTY_HEAD] * (managers - 1)
    if place.role == UnitKind.WARD and size - managers >= 8:
        positions.append(Position.HEAD_NURSE)
    return positions + [Position.STAFF] * (size - len(positions))


def _birthday(birth: dt.date, age: int) -> dt.date:
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # 29 February
        return dt.date(birth.year + age, 3, 1)


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _name(rng: random.Random, gender: str, birth_year: int) -> str:
    family = _pick(rng, _FAMILY)
    middle = _pick(rng, _MIDDLE[gender, birth_year >= 1985])
    if gender == Gender.FEMALE and middle == "Thị" and rng.random() < 0.13:
        middle = f"{middle} {rng.choice(names.FEMALE_SECOND_MIDDLE)}"
    given = rng.choice(_GIVEN[gender])
    while given == middle.rsplit(" ", 1)[-1]:
        given = rng.choice(_GIVEN[gender])
    return f"{family} {middle} {given}"


def _cut(place: Place, position: str, start: dt.date, end: dt.date | None) -> list[PostSpec]:
    """A post at `place` over [start, end], cut along the place's segments (e.g. at the merger)."""
    posts = []
    for seg in place.segments:
        first = max(start, seg.valid_from)
        ends = [d for d in (end, seg.valid_to) if d is not None]
        last = min(ends) if ends else None
        if last is not None and first > last:
            continue
        posts.append(
            PostSpec(
                seg.unit,
                seg.department,
                _DEMOTED.get(position, position) if seg.demote else position,
                first,
                last,
            )
        )
    return posts


def people_specs(seed: int, n: int, places: tuple[Place, ...]) -> Iterator[PersonSpec]:
    """The demo people, place by place: the same (seed, n, places) always yields the same specs."""
    rng = random.Random(seed)
    sizes = _allocate(rng, n, places)
    serial_offset = rng.randrange(1_000_000)
    movable = [i for i, p in enumerate(places) if p.role != "directorate" and sizes[i] > 0]
    move_cum = tuple(accumulate(sizes[i] for i in movable))
    k = 0
    for index, (place, size) in enumerate(zip(places, sizes, strict=True)):
        for position in _positions(place, size):
            yield _person(rng, k, serial_offset, places, index, position, movable, move_cum)
            k += 1


def _person(rng, k, serial_offset, places, index, position, movable, move_cum) -> PersonSpec:
    place = places[index]
    manager = position in MANAGER_POSITIONS
    if position == Position.STAFF:
        profession = _pick(rng, _PROFILES[place.profile])
    elif position == Position.HEAD_NURSE:
        profession = P.MIDWIFE if place.profile == "obstetric" else P.NURSE
    else:
        profession = _pick(rng, _HEADS[place.profile])
    gender = Gender.FEMALE if rng.random() < FEMALE_SHARE[profession] else Gender.MALE

    if position in (Position.DIRECTOR, Position.DEPUTY_DIRECTOR):
        year = int(rng.triangular(1966, 1981, 1971))
    elif manager or position == Position.HEAD_NURSE:
        year = int(rng.triangular(1966, 1989, 1976))
    else:
        year = int(rng.triangular(1966, 2002, 1989))
    year = min(max(year, 1966), 2001)
    birth = _day_between(rng, dt.date(year, 1, 1), dt.date(year, 12, 31))

    # Into the health sector after school: doctors after six years of university.
    low, high, mode = (24, 32, 25) if profession == P.DOCTOR else (20, 30, 22)
    since = birth + dt.timedelta(days=int(rng.triangular(low, high, mode) * 365.25))
    twenty = _birthday(birth, 20) + dt.timedelta(days=1)
    if since < twenty or since > HORIZON - dt.timedelta(days=60):
        since = _day_between(rng, twenty, HORIZON - dt.timedelta(days=60))
    start = max(RECORDS_START, since)

    status = EmploymentStatus.PUBLIC_EMPLOYEE
    if place.civil_servants:
        status = EmploymentStatus.CIVIL_SERVANT
    elif not manager and rng.random() < CONTRACT_SHARE:
        status = EmploymentStatus.CONTRACT

    posts: list[PostSpec] = []
    if position == Position.STAFF and rng.random() < MOVER_SHARE:
        earliest = start + dt.timedelta(days=180)
        if earliest <= LAST_MOVE_DAY:
            previous = places[movable[0]]
            for _ in range(4):
                previous = places[rng.choices(movable, cum_weights=move_cum)[0]]
                if previous.segments[0].unit != place.segments[0].unit:
                    break
            if previous.segments[0].unit != place.segments[0].unit:
                moved = _day_between(rng, earliest, LAST_MOVE_DAY)
                posts += _cut(previous, Position.STAFF, start, moved - dt.timedelta(days=1))
                start = moved
    end = None
    if position == Position.STAFF and rng.random() < LEAVER_SHARE:
        earliest = start + dt.timedelta(days=90)
        if earliest <= HORIZON:
            end = _day_between(rng, earliest, HORIZON)
    posts += _cut(place, position, start, end)

    province = HOME_PROVINCE_CODE if rng.random() < HOME_PROVINCE_SHARE else rng.choice(_PROVINCES)
    serial = (k * SERIAL_STEP + serial_offset) % 1_000_000
    return PersonSpec(
        cccd=make_cccd(province=province, gender=gender, birth_year=year, serial=serial),
        full_name=_name(rng, gender, year),
        gender=gender,
        birth_date=birth,
        profession=profession,
        employment_status=status,
        is_manager=manager and posts[-1].end is None and posts[-1].position in MANAGER_POSITIONS,
        health_sector_since=since,
        posts=tuple(posts),
    )


# ---------------------------------------------------------------------------------------------
# Writing people in bulk
# ---------------------------------------------------------------------------------------------


def write_people(
    specs: Iterable[PersonSpec],
    units: dict[str, Unit],
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert persons and their posts in batches, with one audit entry each. Returns the count."""
    done = 0
    batch: list[PersonSpec] = []
    for spec in chain(specs, [None]):
        if spec is not None:
            batch.append(spec)
            if len(batch) < batch_size:
                continue
        if batch:
            _write_batch(batch, units)
            reset_queries()  # with DEBUG on, the query log would keep every batch's SQL in memory
            done += len(batch)
            batch = []
            if progress:
                progress(done)
    return done


def _write_batch(batch: list[PersonSpec], units: dict[str, Unit]) -> None:
    persons = []
    for s in batch:
        person = Person(
            cccd=s.cccd,
            full_name=s.full_name,
            gender=s.gender,
            birth_date=s.birth_date,
            profession=s.profession,
            employment_status=s.employment_status,
            is_manager=s.is_manager,
            health_sector_since=s.health_sector_since,
        )
        person.derive_fields()
        persons.append(person)
    Person.objects.bulk_create(persons)
    posts = [
        Employment(
            person=person,
            unit=units[post.unit],
            department=units[post.department] if post.department else None,
            position=post.position,
            start=post.start,
            end=post.end,
        )
        for person, s in zip(persons, batch, strict=True)
        for post in s.posts
    ]
    Employment.objects.bulk_create(posts)
    audit_log_many(
        actor=None,
        reason=AUDIT_REASON,
        items=chain(
            ((AuditAction.CREATE, p, None, snapshot(p)) for p in persons),
            ((AuditAction.CREATE, e, None, snapshot(e)) for e in posts),
        ),
    )


# ---------------------------------------------------------------------------------------------
# Demo logins
# ---------------------------------------------------------------------------------------------


def _person_for(login: DemoLogin, units: dict[str, Unit], taken: set[int]) -> Person | None:
    """A current demo person matching the login's post; looser matches if the demo is tiny."""
    unit = units[login.unit]
    base = Employment.objects.filter(unit=unit, end__isnull=True).exclude(person_id__in=taken)
    department = units.get(login.department) if login.department else None
    attempts = [
        base.filter(department=department, position=login.position),
        base.filter(position=login.position),
        base.filter(position=Position.STAFF),
        base,
    ]
    for qs in attempts:
        candidates = list(qs.select_related("person").order_by("person_id")[:200])
        if candidates:
            best = min(candidates, key=lambda e: (e.person.profession != login.profession, e.person_id))
            return best.person
    return None


def build_users(units: dict[str, Unit]) -> list:
    User = get_user_model()
    validate_password(DEMO_PASSWORD)
    password_hash = make_password(DEMO_PASSWORD)  # hashed once: the hasher is slow on purpose
    taken: set[int] = set()
    users = []
    for i, login in enumerate(DEMO_LOGINS):
        person = _person_for(login, units, taken)
        if person is not None:
            taken.add(person.pk)
        family, middle, given = split_name(person.full_name if person else FALLBACK_NAMES[i % 5])
        user = User(
            username=login.username,
            first_name=given,
            last_name=f"{family} {middle}".strip(),
            person=person,
            email=f"{login.username}@syt-binhan.example",  # reminders go to the console backend in `make run`
            password=password_hash,
        )
        validate_password(DEMO_PASSWORD, user)
        user.save()
        role_grant(actor=None, user=user, role=login.role, unit=units[login.unit])
        users.append(user)
    return users


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role in Vietnamese, unit name) of the demo logins present in the database."""
    assignments = {
        (a.user.username, a.role): a
        for a in RoleAssignment.objects.filter(user__username__in=[d.username for d in DEMO_LOGINS])
        .select_related("user", "unit")
        .order_by("id")
    }
    rows = []
    for login in DEMO_LOGINS:
        assignment = assignments.get((login.username, login.role))
        if assignment is not None:
            rows.append((login.username, ROLE_LABELS_VI[login.role], assignment.unit.name))
    return rows


# ---------------------------------------------------------------------------------------------
# Everything
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoResult:
    units: int
    people: int
    employments: int
    seconds: float
    records: int = 0
    movements: int = 0


def build_demo(*, seed: int = DEFAULT_SEED, people: int = DEFAULT_PEOPLE, say: Callable[[str], None] = print):
    """Build the whole demo province in one transaction."""
    started = time.monotonic()

    def elapsed() -> str:
        return f"{time.monotonic() - started:.1f} s"

    def reporter():
        next_mark = PROGRESS_EVERY

        def progress(done: int) -> None:
            nonlocal next_mark
            if done >= next_mark or (done == people and people >= PROGRESS_EVERY):
                say(f"  {grouped(done)} / {grouped(people)} người ({elapsed()})")
                while next_mark <= done:
                    next_mark += PROGRESS_EVERY

        return progress

    with transaction.atomic():
        say(f"Tạo cơ cấu tổ chức Sở Y tế tỉnh {PROVINCE} (hư cấu) …")
        units = build_org()
        build_blocs(units)
        say(f"Tạo {grouped(people)} người (seed {seed}) …")
        places = demo_places()
        count = write_people(people_specs(seed, people, places), units, progress=reporter())
        say(f"Tạo hồ sơ thi đua 2019–2025 ({elapsed()}) …")
        records = write_history(
            history_batches(seed, people_specs(seed, people, places), demo_units()),
            units,
            reason=AUDIT_REASON,
            progress=reporter(),
        )
        say(f"  {grouped(records)} bản ghi ({elapsed()})")
        for year in eligibility_years(today_vn()):
            say(f"Xét điều kiện danh hiệu năm {year} cho toàn tỉnh …")
            counts = eligibility_recompute(unit=units["SYT"], year=year, as_of=review_as_of(year, today_vn()))
            say(
                f"  {grouped(counts['results'])} kết quả, "
                f"{grouped(counts['eligible'])} đủ điều kiện ({elapsed()})"
            )
        say("Tạo tài khoản demo …")
        build_users(units)
        say("Nhập 5 kế hoạch mẫu và các kế hoạch triển khai, báo cáo chỉ tiêu …")
        movements, reports = build_movements(units, seed=seed)
        say(f"  {movements} kế hoạch, {grouped(reports)} báo cáo chỉ tiêu ({elapsed()})")
        say("Tạo Hội đồng Thi đua – Khen thưởng và phiên họp sắp tới …")
        build_councils(units, today=today_vn(), password=DEMO_PASSWORD)
        say("Lập đợt bình xét năm 2025 của Bệnh viện Đa khoa tỉnh: đề nghị, công khai, thẩm định, tờ trình …")
        build_dossier_round(units, today=today_vn())
        say(f"  xong ({elapsed()})")
        say("Ban hành một quyết định khen thưởng mẫu, có giấy chứng nhận …")
        build_decisions(units, today=today_vn())
    return DemoResult(
        units=len(units),
        people=count,
        employments=Employment.objects.count(),
        seconds=time.monotonic() - started,
        records=records,
        movements=movements,
    )


def eligibility_years(today: dt.date) -> list[int]:
    """The years whose unit list the demo shows computed: the last year of its history and the year the
    list opens on (the current year from October)."""
    return sorted({YEARS[-1], default_review_year(today)})


def grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")
