"""Identifiers of the glossary (shared/domain/glossary.md) that cases and verdicts use."""

RATINGS = ("excellent", "good", "completed", "failed", "unrated")
GOOD_OR_BETTER = frozenset({"excellent", "good"})

PERSON_TITLES = (
    "advanced_worker",
    "grassroots_emulation_fighter",
    "provincial_emulation_fighter",
    "national_emulation_fighter",
)
COLLECTIVE_TITLES = (
    "advanced_collective",
    "excellent_collective",
    "provincial_emulation_flag",
    "government_emulation_flag",
)
PERSON_FORMS = (
    "commendation_certificate",
    "provincial_merit_certificate",
    "prime_minister_merit_certificate",
    "labor_order_third",
    "labor_order_second",
    "labor_order_first",
    "meritorious_physician",
    "peoples_physician",
    "health_commemorative_medal",
)
COLLECTIVE_FORMS = (
    "commendation_certificate",
    "provincial_merit_certificate",
    "prime_minister_merit_certificate",
    "labor_order_third",
    "labor_order_second",
    "labor_order_first",
)
TITLES = PERSON_TITLES + COLLECTIVE_TITLES
FORMS = tuple(dict.fromkeys(PERSON_FORMS + COLLECTIVE_FORMS))
CANDIDATES = TITLES + FORMS
SCOPES = ("unit", "provincial", "national")
SCOPE_RANK = {"unit": 1, "provincial": 2, "national": 3}
DISCIPLINE_LEVELS = (
    "reprimand",
    "warning",
    "salary_downgrade",
    "demotion",
    "removal_from_office",
    "dismissal",
)
DISCIPLINE_RANK = {level: i for i, level in enumerate(DISCIPLINE_LEVELS, start=1)}
CATEGORIES = ("merit", "thematic", "extraordinary", "long_service", "seniority", "foreign")
# Law Điều 5 / ND 152 Điều 4: awards by movement or theme and extraordinary awards do not count toward
# higher awards for merit.
NOT_COUNTING_TOWARD_MERIT = frozenset({"thematic", "extraordinary"})
# Long leave (nghỉ dài ngày) recorded for a person: whether its time counts as time worked is a dated
# parameter per kind (advanced_worker.leave_counts_as_work.<kind>).
LEAVE_KINDS = ("maternity", "study", "sick", "other")
GENDERS = ("male", "female")
KINDS = ("person", "collective")

LABELS_VI = {
    "advanced_worker": "Lao động tiên tiến",
    "grassroots_emulation_fighter": "Chiến sĩ thi đua cơ sở",
    "provincial_emulation_fighter": "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh",
    "national_emulation_fighter": "Chiến sĩ thi đua toàn quốc",
    "advanced_collective": "Tập thể lao động tiên tiến",
    "excellent_collective": "Tập thể lao động xuất sắc",
    "provincial_emulation_flag": "Cờ thi đua cấp bộ, ban, ngành, tỉnh",
    "government_emulation_flag": "Cờ thi đua của Chính phủ",
    "commendation_certificate": "Giấy khen",
    "provincial_merit_certificate": "Bằng khen cấp bộ, ban, ngành, tỉnh",
    "prime_minister_merit_certificate": "Bằng khen của Thủ tướng Chính phủ",
    "labor_order_third": "Huân chương Lao động hạng Ba",
    "labor_order_second": "Huân chương Lao động hạng Nhì",
    "labor_order_first": "Huân chương Lao động hạng Nhất",
    "meritorious_physician": "Thầy thuốc Ưu tú",
    "peoples_physician": "Thầy thuốc Nhân dân",
    "health_commemorative_medal": "Kỷ niệm chương «Vì sức khỏe nhân dân»",
    "excellent": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "completed": "Hoàn thành nhiệm vụ",
    "failed": "Không hoàn thành nhiệm vụ",
    "unrated": "Chưa xếp loại",
}
