"""The five real plans of `shared/seeds/` as movements of the fictional Sở Y tế tỉnh Bình An, plus the
derived plans of its hospitals, centres and stations that make the cascade visible.

The real provinces, districts and people the seeds name are replaced by the demo province's
(Hải Dương, Kiên Giang, Hòa Bình, Bình Định, Hà Tĩnh → Bình An; the district health centres → the
demo's regional centres; signers → invented names). Themes, phases, contents and targets are the
seeds' own, word for word where the seed is legible; seed 000 keeps its second phase dated in 2024
inside a 2025 plan, so the demo shows the warning tdkt raised and the officer's acknowledgement.
Plans marked "constructed" are not in the seeds: they are the higher or lower plans the seeds cite.
"""

import datetime as dt
from dataclasses import dataclass, field

D = dt.date


@dataclass(frozen=True)
class SeedPhase:
    name: str
    start: dt.date
    end: dt.date
    theme: str = ""
    description: str = ""
    commemorations: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeedTarget:
    indicator: str
    unit_of_measure: str
    comparator: str = ""
    threshold: str | None = None
    frequency: str = "yearly"
    reporter: str = "units_below"
    reporter_code: str | None = None  # for reporter="named_unit"
    kind: str = "reported"
    computation: str = ""
    direction: str = "increase"


@dataclass(frozen=True)
class SeedPlan:
    key: str
    source: str  # the seed file, or "constructed"
    unit: str
    kind: str
    name: str
    start: dt.date
    end: dt.date
    symbol: str
    issued_on: dt.date
    place: str
    issuer_name: str
    signer_title: str
    signer_name: str
    state: str = "published"  # draft, published or closed
    parent: str | None = None  # key of the plan it derives from
    number: int | None = None
    theme: str = ""
    issuer_parent: str = ""
    signer_authority: str = ""
    preamble: str = ""
    purposes: str = ""
    requirements: str = ""
    audience: str = ""
    closing: str = ""
    distribution: str = ""
    basis: tuple[tuple[str, str], ...] = ()  # (verb, outside document)
    sections: tuple[tuple[str, str], ...] = ()
    phases: tuple[SeedPhase, ...] = ()
    targets: tuple[SeedTarget, ...] = ()
    responsibilities: tuple[tuple[str, str | None, str], ...] = ()  # (party, unit code, task)
    officer: str = "so.thidua"  # the demo login who enters it
    reports: bool = True
    extra: dict = field(default_factory=dict)


SO = "SỞ Y TẾ TỈNH BÌNH AN"
UBND = "UBND TỈNH BÌNH AN"

# ---------------------------------------------------------------------------------------------
# Seed 004: the Sở's plan for 2024 (Sở Y tế Hà Tĩnh in the seed)
# ---------------------------------------------------------------------------------------------

SO_2024 = SeedPlan(
    key="so_2024",
    source="004_5f5125d217b65650.txt",
    unit="SYT",
    kind="regular",
    state="closed",
    name="Phát động phong trào thi đua năm 2024",
    theme="Trách nhiệm, hiệu quả, thực chất, thi đua đạt mức cao nhất các chỉ tiêu, nhiệm vụ",
    start=D(2024, 1, 1),
    end=D(2024, 12, 31),
    number=215,
    symbol="KH-SYT",
    issued_on=D(2024, 4, 15),
    place="Bình An",
    issuer_parent=UBND,
    issuer_name="SỞ Y TẾ",
    signer_title="GIÁM ĐỐC",
    signer_name="Nguyễn Minh Khang",
    basis=(
        (
            "implementing",
            "Nghị quyết số 144/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh về nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2024",
        ),
        (
            "implementing",
            "Chỉ thị số 01/CT-UBND ngày 05/4/2024 của Chủ tịch UBND tỉnh phát động phong trào thi đua yêu "
            "nước "
            "năm 2024, với chủ đề “Trách nhiệm, hiệu quả, thực chất, thi đua đạt mức cao nhất các chỉ tiêu, "
            "nhiệm vụ”",
        ),
    ),
    preamble=(
        "Năm 2024 có ý nghĩa quan trọng trong việc thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, "
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX và Kế hoạch phát triển kinh tế - xã hội 05 năm (2021 - "
        "2025). "
        "Nhằm phát huy những kết quả, thành tích đạt được trong phong trào thi đua yêu nước năm 2023, tiếp "
        "tục đẩy "
        "mạnh các phong trào thi đua yêu nước; quyết tâm thi đua thực hiện thắng lợi mục tiêu, nhiệm vụ phát "
        "triển "
        "kinh tế - xã hội, đảm bảo quốc phòng - an ninh và lập thành tích chào mừng kỷ niệm các ngày lễ lớn "
        "trong "
        "năm.\n"
        "Phát huy những thành tích đã đạt được trong năm 2023, với mục đích động viên toàn thể cán bộ, công "
        "chức, "
        "viên chức, người lao động năng động, sáng tạo, hăng hái thi đua lao động, phấn đấu hoàn thành và "
        "hoàn "
        "thành vượt mức các chỉ tiêu kế hoạch ở từng đơn vị, cá nhân năm 2024; gắn kết phong trào thi đua "
        "với việc "
        'thực hiện nhiệm vụ chính trị của Ngành, của tổ chức công đoàn và mục tiêu xuyên suốt là "Ngành Y tế '
        'hướng tới sự hài lòng của người dân". Đồng thời tổ chức các phong trào thi đua mang tính thiết '
        "thực, hiệu "
        "quả, tạo chuyển biến mạnh mẽ trong hoạt động của đơn vị. Sở Y tế phát động thi đua năm 2024 với các "
        "nội "
        "dung sau:"
    ),
    purposes=(
        "Một là, động viên toàn thể cán bộ, công chức, viên chức, người lao động năng động, sáng tạo, hăng "
        "hái thi "
        "đua lao động, công tác, phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu kế hoạch ở từng cơ "
        "quan, "
        "đơn vị, cá nhân năm 2024 góp phần hoàn thành các chỉ tiêu, nhiệm vụ Ngành và của tỉnh.\n"
        "Hai là, gắn kết phong trào thi đua với việc thực hiện nhiệm vụ chính trị của Ngành và của tổ chức "
        "công "
        "đoàn với mục tiêu xuyên suốt là ngành Y tế Bình An hướng tới sự hài lòng của người dân. Trong đó "
        "tập trung "
        "phối hợp thực hiện tốt quy chế dân chủ cơ sở, quy tắc ứng xử gắn với việc học tập và làm theo tư "
        "tưởng, "
        "đạo đức, phong cách Hồ Chí Minh, xây dựng chuẩn mực đạo đức người cán bộ y tế với các tiêu chí “3 "
        "xây, "
        "3 chống, 3 biết”.\n"
        "Ba là, tổ chức các phong trào thi đua mang tính thiết thực, hiệu quả, tạo chuyển biến mạnh mẽ trong "
        "các "
        "phong trào thi đua và hoạt động của đơn vị."
    ),
    sections=(
        (
            "Nâng cao trách nhiệm, hiệu quả trong quán triệt, tuyên truyền và triển khai đường lối, chủ "
            "trương của "
            "Đảng, tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh",
            "Tiếp tục nâng cao trách nhiệm, hiệu quả trong quán triệt, tuyên truyền, phổ biến và triển khai "
            "thực hiện "
            "sâu rộng về đường lối, chủ trương của Đảng, tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh; "
            "Luật "
            "Thi đua, khen thưởng và các văn bản hướng dẫn thi hành; Chỉ thị số 34-CT/TW ngày 07/4/2014 của "
            "Bộ Chính "
            "trị về tiếp tục đổi mới công tác thi đua, khen thưởng; Chỉ thị số 19/CT-TTg ngày 16/7/2021 của "
            "Thủ "
            "tướng Chính phủ về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
            "hội và "
            "Kế hoạch 05 năm (2021 - 2025) theo Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng; "
            "Chỉ "
            "thị số 08-CT/TU ngày 24/5/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh phong trào thi đua yêu "
            "nước thực "
            "hiện thắng lợi Nghị quyết Đại hội Đảng các cấp nhiệm kỳ 2020 - 2025; Kế hoạch số 177/KH-UBND "
            "ngày "
            "25/5/2021 của UBND tỉnh; 05 nội dung thi đua do Thủ tướng Chính phủ phát động tại Đại hội Thi "
            "đua yêu "
            "nước toàn quốc lần thứ X với chủ đề “Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc”; "
            "đồng "
            "thời, tiếp tục triển khai thực hiện các chương trình, kế hoạch công tác, bám sát các nhiệm vụ "
            "trọng "
            "tâm, trọng điểm, tạo ra những đột phá, tháo gỡ khó khăn, hoàn thành xuất sắc nhiệm vụ của đơn "
            "vị, góp "
            "phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2024 và những năm tiếp theo.",
        ),
        (
            "Tổ chức các phong trào thi đua thiết thực, hiệu quả, bám sát nội dung định hướng, chỉ đạo của "
            "Đảng và "
            "Nhà nước",
            "Thực hiện đổi mới nội dung, phương thức tổ chức các phong trào thi đua với hình thức phong phú, "
            "đa dạng, "
            "nội dung cụ thể, thiết thực, tập trung cụ thể hóa và thực hiện tốt các nhiệm vụ trọng tâm, đột "
            "phá "
            "chiến lược; thi đua thực hiện hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ kế hoạch "
            "năm "
            "2024 theo Nghị quyết số 17-NQ/TU ngày 04/12/2023 của Ban Chấp hành Đảng bộ tỉnh; Nghị quyết của "
            "HĐND "
            "tỉnh số 144/2023/NQ-HĐND ngày 08/12/2023 về nhiệm vụ phát triển kinh tế - xã hội năm 2024 và "
            "các chương "
            "trình, kế hoạch của UBND tỉnh về phát triển kinh tế - xã hội năm 2024.",
        ),
        (
            "Bám sát nhiệm vụ chính trị, thi đua thực hiện thắng lợi 8 nhóm nhiệm vụ, giải pháp và 28 chỉ "
            "tiêu phát "
            "triển kinh tế - xã hội năm 2024",
            "Các đơn vị bám sát nhiệm vụ chính trị, thi đua quyết tâm thực hiện thắng lợi 8 nhóm nhiệm vụ, "
            "giải pháp "
            "và 28 chỉ tiêu phát triển kinh tế - xã hội, đảm bảo quốc phòng an ninh năm 2024; trong đó, tốc "
            "độ tăng "
            "trưởng kinh tế GRDP từ 8 đến 8,5%; GRDP bình quân đầu người đạt 83 triệu đồng/năm; hoàn thành "
            "đạt và "
            "vượt chỉ tiêu thu ngân sách nhà nước; phấn đấu giải ngân đầu tư công đạt 100%; phát triển toàn "
            "diện, "
            "đồng bộ các lĩnh vực văn hóa, xã hội, giáo dục, y tế; bảo đảm an sinh xã hội, giảm nghèo bền "
            "vững; giữ "
            "vững ổn định chính trị, bảo đảm quốc phòng và trật tự an toàn xã hội.",
        ),
        (
            "Đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ, của Tỉnh và của Ngành phát động",
            "Tiếp tục đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ phát động và các phong trào thi "
            "đua của "
            "Tỉnh như: “Cả tỉnh chung sức xây dựng tỉnh Bình An đạt chuẩn nông thôn mới” giai đoạn 2021 - "
            "2025; "
            "“Bình An vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025; “Đẩy mạnh phát "
            "triển "
            "kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”; “Cả nước thi đua xây "
            "dựng xã "
            "hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030”; “Cán bộ, công chức, viên chức "
            "Bình An thi "
            "đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025; “Toàn dân bảo vệ môi trường và giảm thiểu "
            "rác thải "
            "nhựa” giai đoạn 2024 - 2025; “Phong trào thực hiện chuyển đổi số”.\n"
            "Thực hiện tốt các phong trào thi đua do ngành phát động: phong trào thi đua đẩy mạnh học tập và "
            "làm theo "
            "tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện Quy chế dân chủ cơ sở, Quy tắc ứng "
            "xử và "
            "xây dựng hình ảnh người cán bộ y tế mẫu mực với các tiêu chí “03 xây, 03 chống và 03 biết”; "
            "phong trào "
            "thi đua “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người "
            "dân” với "
            "100% các đơn vị và 100% cán bộ, công chức, viên chức thực hiện tốt; tỉ lệ hài lòng của người "
            "dân đối "
            "với dịch vụ y tế công đạt trên 90%. Thực hiện tốt phong trào nâng cao chất lượng bệnh viện theo "
            "Bộ Tiêu "
            "chí đánh giá chất lượng bệnh viện của Bộ Y tế, với mục tiêu “Người bệnh là trung tâm”; đẩy mạnh "
            "nghiên "
            "cứu khoa học, sáng kiến cải tiến kỹ thuật. Đảm bảo công tác Y tế dự phòng với tinh thần chủ "
            "động, tích "
            "cực không để các dịch bệnh lớn xẩy ra và tử vong vì dịch. Tổ chức thực hiện phong trào thi đua "
            "xây dựng "
            "và phát triển mạng lưới y tế cơ sở (giai đoạn đến năm 2030) với cơ bản 100% các trạm y tế có đủ "
            "điều "
            "kiện khám, chữa bệnh bảo hiểm y tế; phấn đấu năm 2024, 70% người trên 40 tuổi được tuyên "
            "truyền, hướng "
            "dẫn, vận động đi khám để phát hiện và điều trị bệnh không lây nhiễm; 70% người trên 40 tuổi "
            "được khám "
            "phát hiện bệnh tăng huyết áp, tiểu đường; 100% Trưởng trạm y tế tiếp tục được đào tạo chương "
            "trình chẩn "
            "đoán, điều trị và quản lý tăng huyết áp, đái tháo đường theo nguyên lý y học gia đình. Tiếp tục "
            "thực "
            "hiện tốt chính sách Dân số - KHHGĐ với trên 90% cặp vợ chồng trong độ tuổi sinh đẻ (đã có 02 "
            "con trở "
            "lên) tham gia ký kết thực hiện; giảm tỷ suất sinh thô 0,2 ‰, giảm tỷ lệ sinh trên 2 con trên "
            "1%, giảm "
            "tỷ số giới tính khi sinh 0,3 điểm %. Tổ chức thực hiện phong trào xây dựng cơ quan, công sở văn "
            "minh, "
            "không khói thuốc lá, cơ sở y tế “Xanh - Sạch - Đẹp - An toàn” với 100% cán bộ, công chức, viên "
            "chức "
            "không hút thuốc lá trong cơ quan, công sở. Thực hiện tốt Luật phòng chống tác hại rượu bia và "
            "Luật ATGT, "
            "phấn đấu không có cán bộ, công chức, viên chức, người lao động vi phạm an toàn giao thông; mắc "
            "các tệ "
            "nạn xã hội. Thực hiện tốt Đề án 06 về phát triển ứng dụng dữ liệu về dân cư, định danh và xác "
            "thực điện "
            "tử phục vụ chuyển đổi số quốc gia.",
        ),
        (
            "Đổi mới, nâng cao chất lượng hoạt động khối thi đua ngành Y tế",
            "Khắc phục các nội dung còn mang tính hình thức; xây dựng tiêu chí đánh giá, chấm điểm thi đua "
            "cụ thể, "
            "gắn với nhiệm vụ chính trị được giao; đánh giá, bình xét, suy tôn các tập thể tiêu biểu trong "
            "khối thi "
            "đua gắn với kết quả đánh giá, xếp loại hàng năm; tăng cường sinh hoạt chuyên đề, trao đổi chia "
            "sẻ kinh "
            "nghiệm, giới thiệu mô hình, giải pháp tiêu biểu ngành tạo sự lan tỏa trong phong trào thi đua.",
        ),
        (
            "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
            "Quan tâm phát hiện, bồi dưỡng các nhân tố, điển hình mới, tuyên truyền, nhân rộng điển hình "
            "tiên tiến, "
            "nêu gương người tốt, việc tốt, nhằm thúc đẩy, cổ vũ các phong trào thi đua; các đơn vị có kế "
            "hoạch cụ "
            "thể để bồi dưỡng, xây dựng các mô hình mới, nhân tố mới, thực hiện đồng bộ tốt cả 04 khâu: phát "
            "hiện - "
            "bồi dưỡng - tổng kết - nhân rộng điển hình tiên tiến.",
        ),
        (
            "Nâng cao chất lượng công tác khen thưởng",
            "Tạo chuyển biến mạnh mẽ và thực chất, bảo đảm khen thưởng chính xác, kịp thời, công khai, minh "
            "bạch, có "
            "tác dụng động viên, giáo dục, nêu gương; chú trọng khen thưởng thông qua phát hiện các điển "
            "hình, nhân "
            "tố mới, khen thưởng người lao động trực tiếp, khen thưởng đột xuất, khen thưởng theo chuyên đề; "
            "đề cao "
            "trách nhiệm của người đứng đầu trong việc phát hiện, biểu dương, khen thưởng; khen thưởng phải "
            "phù hợp "
            "với thành tích và kết quả đạt được.",
        ),
        (
            "Thường xuyên đôn đốc, kiểm tra, sơ kết, tổng kết",
            "Thường xuyên đôn đốc, kiểm tra, sơ kết, tổng kết, đánh giá hiệu quả các phong trào thi đua trên "
            "cơ sở "
            "đánh giá kết quả thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị; tăng cường kiểm tra, "
            "giám sát, "
            "kịp thời phát hiện và xử lý nghiêm các vi phạm trong công tác thi đua, khen thưởng; nâng cao "
            "vai trò "
            "lãnh đạo, chỉ đạo của cấp ủy, cơ quan và Hội đồng Thi đua - Khen thưởng các đơn vị; đánh giá "
            "vai trò, "
            "trách nhiệm của người đứng đầu trong tổ chức phát động để phong trào thi đua luôn đổi mới, sáng "
            "tạo, "
            "thực chất và mang lại hiệu quả thiết thực.",
        ),
    ),
    targets=(
        SeedTarget("Tỷ lệ hài lòng của người dân đối với dịch vụ y tế công", "%", "gt", "90", "half_yearly"),
        SeedTarget(
            "Tỷ lệ người trên 40 tuổi được tuyên truyền, hướng dẫn, vận động đi khám để phát hiện và điều "
            "trị bệnh "
            "không lây nhiễm",
            "%",
            "gte",
            "70",
            "half_yearly",
            "named_unit",
            "CDC",
        ),
        SeedTarget(
            "Tỷ lệ người trên 40 tuổi được khám phát hiện bệnh tăng huyết áp, tiểu đường qua sàng lọc",
            "%",
            "gte",
            "70",
            "half_yearly",
            "named_unit",
            "CDC",
        ),
        SeedTarget(
            "Tỷ lệ Trưởng trạm y tế được đào tạo chẩn đoán, điều trị và quản lý tăng huyết áp, đái tháo "
            "đường theo "
            "nguyên lý y học gia đình",
            "%",
            "eq",
            "100",
            "yearly",
            "named_unit",
            "SYT-NVY",
        ),
        SeedTarget(
            "Tỷ lệ trạm y tế có đủ điều kiện khám, chữa bệnh bảo hiểm y tế",
            "%",
            "eq",
            "100",
            "yearly",
            "named_unit",
            "SYT-NVY",
        ),
        SeedTarget(
            "Tỷ lệ cặp vợ chồng trong độ tuổi sinh đẻ (đã có 02 con trở lên) tham gia ký kết thực hiện chính "
            "sách "
            "Dân số - KHHGĐ",
            "%",
            "gt",
            "90",
            "yearly",
            "named_unit",
            "SYT-DS",
        ),
        SeedTarget("Mức giảm tỷ suất sinh thô", "‰", "gte", "0.2", "yearly", "named_unit", "SYT-DS"),
        SeedTarget("Mức giảm tỷ lệ sinh con thứ 3 trở lên", "%", "gt", "1", "yearly", "named_unit", "SYT-DS"),
        SeedTarget(
            "Mức giảm tỷ số giới tính khi sinh", "điểm %", "gte", "0.3", "yearly", "named_unit", "SYT-DS"
        ),
        SeedTarget(
            "Tỷ lệ cán bộ, công chức, viên chức thực hiện tốt phong trào “Đổi mới phong cách, thái độ phục "
            "vụ của "
            "cán bộ y tế hướng tới sự hài lòng của người dân”",
            "%",
            "eq",
            "100",
            "yearly",
        ),
        SeedTarget(
            "Tỷ lệ cán bộ, công chức, viên chức không hút thuốc lá trong cơ quan, công sở",
            "%",
            "eq",
            "100",
            "half_yearly",
        ),
        SeedTarget(
            "Số cán bộ, công chức, viên chức, người lao động vi phạm an toàn giao thông",
            "người",
            "lte",
            "0",
            "half_yearly",
            direction="decrease",
        ),
    ),
    responsibilities=(
        (
            "Các đơn vị trực thuộc Sở Y tế, các đoàn thể",
            None,
            "Căn cứ nội dung phát động thi đua, xây dựng kế hoạch tổ chức thực hiện đảm bảo nghiêm túc, hiệu "
            "quả.",
        ),
        (
            "Các đơn vị trong Khối thi đua",
            None,
            "Tổ chức ký kết giao ước thi đua gắn với nhiệm vụ trọng tâm của đơn vị trong Khối thi đua; phát "
            "huy tinh "
            "thần đoàn kết, chia sẻ, học tập kinh nghiệm trong chỉ đạo, quản lý cũng như tổ chức công tác "
            "thi đua, "
            "khen thưởng.",
        ),
        (
            "Trung tâm Kiểm soát bệnh tật",
            "CDC",
            "Chủ trì, phối hợp với các cơ quan thông tấn, báo chí, các đơn vị trong Ngành đẩy mạnh công tác "
            "tuyên "
            "truyền về nội dung thi đua của Ngành, các phong trào thi đua yêu nước, các hoạt động nhân dịp "
            "kỷ niệm "
            "các ngày lễ lớn trong năm 2024; kịp thời tuyên truyền nêu gương người tốt, việc tốt, gương điển "
            "hình "
            "tiên tiến.",
        ),
        (
            "Công đoàn ngành Y tế, Đoàn Thanh niên cộng sản Hồ Chí Minh",
            None,
            "Phối hợp chặt chẽ với Sở Y tế, với các đơn vị trong Ngành trong tổ chức triển khai các phong "
            "trào thi "
            "đua; tăng cường tuyên truyền, vận động đoàn viên, hội viên và các tầng lớp Nhân dân tích cực "
            "hưởng ứng.",
        ),
        (
            "Phòng Tổ chức cán bộ, Sở Y tế",
            "SYT-TCCB",
            "Chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, hướng dẫn, kiểm tra việc triển "
            "khai thực "
            "hiện; tham mưu Hội đồng Thi đua - Khen thưởng Sở Y tế khen thưởng các tập thể, cá nhân có thành "
            "tích "
            "xuất sắc; tổng hợp tình hình, kết quả thực hiện, đề xuất Sở Y tế báo cáo UBND tỉnh.",
        ),
    ),
    closing=(
        "Yêu cầu các đơn vị trong ngành Y tế triển khai thực hiện nghiêm túc các nội dung trên và kêu gọi "
        "toàn thể "
        "công chức, viên chức, người lao động trong ngành Y tế nêu cao tinh thần cách mạng, quyết tâm phấn "
        "đấu thi "
        "đua thực hiện thắng lợi các mục tiêu, nhiệm vụ mà Ngành và Tỉnh đề ra năm 2024./."
    ),
    distribution=(
        "Ban Thi đua - Khen thưởng tỉnh;\nGiám đốc, các Phó Giám đốc Sở;\nCác thành viên Hội đồng TĐ-KT "
        "Ngành;\n"
        "Cổng TTĐT Sở Y tế;\nLưu: VT, TCCB."
    ),
)

# ---------------------------------------------------------------------------------------------
# Seed 000: the sector council's plan for 2025 (Hội đồng TĐKT ngành Y tế Hải Dương in the seed)
# ---------------------------------------------------------------------------------------------

SEED_000_PHASE_1 = (
    "Với Chủ đề “Mừng Đảng quang vinh - Mừng Sinh nhật Bác”. Các phong trào thi đua tập trung hướng về chào "
    "mừng "
    "kỷ niệm 70 năm ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/2025); 95 năm thành lập Đảng Cộng sản Việt "
    "Nam "
    "(03/02/1930 - 03/02/2025); kỷ niệm 50 năm ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước "
    "(30/4/1975 - 30/4/2025); tổ chức các hoạt động “Tháng Công nhân” gắn với kỷ niệm 135 năm ngày sinh Chủ "
    "tịch "
    "Hồ Chí Minh (19/5/1890 - 19/5/2025)."
)
SEED_000_PHASE_2 = (
    "Với Chủ đề “Thi đua cao điểm hoàn thành toàn diện và vượt mức chỉ tiêu nhiệm vụ năm 2025”. Tổ chức thi "
    "đua kỷ "
    "niệm 80 năm Cách mạng tháng Tám (19/8/1945 - 19/8/2025) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa "
    "Việt Nam "
    "(02/9/1945 - 02/9/2025) gắn với kỷ niệm 96 năm thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2025); "
    "Thi đua "
    "nước rút phấn đấu hoàn thành tốt nhiệm vụ chính trị năm 2025 và tổ chức các hoạt động chào mừng Đại hội "
    "XVIII "
    "Đảng bộ tỉnh Bình An nhiệm kỳ 2025 - 2030 tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, "
    "nhiệm kỳ "
    "2026 - 2031."
)

COUNCIL_2025 = SeedPlan(
    key="council_2025",
    source="000_288dece9b4dcb248.txt",
    unit="SYT",
    kind="regular",
    name="Phát động phong trào thi đua năm 2025",
    theme=(
        "Quyết tâm đổi mới, tích cực sáng tạo, nâng cao năng suất lao động, hiệu quả công tác chào mừng đại "
        "hội đảng "
        "bộ các cấp tiến tới Đại hội đảng bộ tỉnh Bình An lần thứ XVIII và Đại hội đại biểu toàn quốc lần "
        "thứ XIV "
        "của Đảng, Đại hội Thi đua yêu nước các cấp, Đại hội Thi đua yêu nước toàn quốc lần thứ XI, năm 2025"
    ),
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    number=None,  # signed with its number blank ("Số:   /KH-HĐTĐKT"): publishing takes one from the register
    symbol="KH-HĐTĐKT",
    issued_on=D(2025, 1, 2),
    place="Bình An",
    issuer_parent=SO,
    issuer_name="HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG NGÀNH Y TẾ",
    signer_authority="TM. HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG",
    signer_title="CHỦ TỊCH – GIÁM ĐỐC SỞ",
    signer_name="Nguyễn Minh Khang",
    preamble=(
        "Năm 2025 là năm có ý nghĩa đặc biệt quan trọng, năm cuối để bứt phá hoàn thành các chỉ tiêu nhiệm "
        "vụ Nghị "
        "quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và kế hoạch phát triển kinh tế - xã hội giai "
        "đoạn "
        "2021-2025, đồng thời, là năm diễn ra đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc "
        "lần thứ "
        "XIV của Đảng, Đại hội Thi đua yêu nước toàn quốc lần thứ XI, cùng với nhiều sự kiện trọng đại của "
        "Đảng, "
        "của đất nước như: Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025), "
        "50 năm "
        "Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025), 80 năm Cách mạng "
        "tháng Tám "
        "và Quốc khánh nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025); 135 năm Ngày sinh Chủ tịch Hồ Chí Minh "
        "(19/5/1890 - 19/5/2025); 70 năm ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/2025).\n"
        "Nhằm khơi dậy tinh thần thi đua yêu nước, tạo không khí thi đua sôi nổi, động viên, khích lệ đoàn "
        "viên, "
        "viên chức, lao động ngành Y tế Bình An ra sức phấn đấu, cống hiến, thiết thực chào mừng các sự kiện "
        "trọng "
        "đại của đất nước, của ngành, của tỉnh Bình An. Hội đồng thi đua khen thưởng ngành Y tế phát động "
        "phong "
        "trào thi đua yêu nước chào mừng đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ "
        "XIV "
        "của Đảng, đại hội đại biểu Đảng bộ Sở Y tế, Đại hội Đảng bộ tỉnh Bình An; Đại hội Thi đua yêu nước "
        "toàn "
        "quốc lần thứ XI và các ngày lễ, sự kiện quan trọng của Đảng và đất nước trong năm 2025."
    ),
    purposes=(
        "Phát động và triển khai phong trào thi đua yêu nước trong cán bộ, đoàn viên, CNVCLĐ ngành Y tế nhằm "
        "khơi "
        "dậy tinh thần thi đua lao động, sáng tạo phấn đấu hoàn thành thắng lợi các nhiệm vụ chính trị, các "
        "chỉ "
        "tiêu phát triển kinh tế - xã hội năm 2025 và các mục tiêu, chỉ tiêu Nghị quyết Đại hội XVII Đảng bộ "
        "tỉnh "
        "Bình An, nhiệm kỳ 2020-2025 thiết thực lập thành tích chào mừng kỷ niệm các ngày lễ lớn của đất "
        "nước và "
        "tổ chức Công đoàn, hướng tới Đại hội Đảng bộ các cấp nhiệm kỳ 2026-2031 và Đại hội thi đua yêu nước "
        "toàn "
        "quốc lần thứ XI."
    ),
    requirements=(
        "- Phát động và tổ chức các phong trào thi đua yêu nước trong CNVCLĐ ngành Y tế Bình An phải thiết "
        "thực, "
        "hiệu quả, bám sát vào nhiệm vụ chính trị, hoạt động sản xuất kinh doanh (SXKD) và phù hợp với đặc "
        "thù của "
        "từng cơ quan, đơn vị, doanh nghiệp, tập trung vào nhiệm vụ trọng tâm của ngành và tỉnh Bình An năm "
        "2025.\n"
        "- Công tác khen thưởng phải kịp thời, chính xác, quan tâm khen thưởng đoàn viên, người lao động "
        "trực tiếp "
        "sản xuất, những tập thể nhỏ. Phát hiện những tấm gương tiêu biểu, điển hình tiên tiến, gương người "
        "tốt, "
        "việc tốt trong phong trào thi đua và hoạt động Công đoàn để tuyên truyền, biểu dương và nhân rộng.\n"
        "- Các nhiệm vụ và giải pháp đề ra phải nhằm từng bước khắc phục những tồn tại, hạn chế, tiếp tục "
        "đổi mới "
        "và nâng cao chất lượng, hiệu quả công tác thi đua, khen thưởng của ngành Y tế Bình An."
    ),
    sections=(
        (
            "Đối với khu vực hành chính, sự nghiệp",
            "1.1. Phát động thi đua trong cán bộ, công chức, viên chức, người lao động phấn đấu hoàn thành "
            "tốt các "
            "nhiệm vụ công tác, thực hiện thắng lợi các nhiệm vụ chính trị, các mục tiêu, chỉ tiêu phát "
            "triển kinh "
            "tế - xã hội, quốc phòng - an ninh và chủ đề công tác năm 2025 theo Chỉ thị, Nghị quyết, Chương "
            "trình, "
            "Kế hoạch của Trung ương, của tỉnh, của ngành; tập trung tăng tốc để hoàn thành các chương "
            "trình, kế "
            "hoạch thực hiện Nghị quyết Đại hội Đảng các cấp và kế hoạch phát triển kinh tế xã hội 5 năm "
            "(2021-2025).\n"
            "1.2. Thi đua xây dựng hệ thống chính trị gắn với tiếp tục vận động cán bộ, công chức, viên "
            "chức, người "
            "lao động đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Chuyên đề năm "
            "2025 "
            "“Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đoàn kết, xây dựng Đảng bộ và "
            "hệ "
            "thống chính trị trong sạch, vững mạnh, góp phần quan trọng tổ chức thành công Đại hội Đảng các "
            "cấp "
            "nhiệm kỳ 2025-2030”; xây dựng bộ máy tinh gọn, hiệu năng, hiệu lực, hiệu quả, góp phần xây dựng "
            "tỉnh "
            "Bình An phát triển nhanh và bền vững, cùng cả nước bước vào “Kỷ nguyên phát triển mới - Kỷ "
            "nguyên vươn "
            "mình của dân tộc Việt Nam”; phong trào thi đua “Người tốt, việc tốt”, “Tham mưu giỏi, phục vụ "
            "tốt”, "
            "“Lao động giỏi, lao động sáng tạo”; phong trào thi đua “Cả nước chung sức xây dựng nông thôn "
            "mới”; "
            "phong trào “Vì người nghèo, không để ai bị bỏ lại phía sau”; phong trào thi đua “Đẩy mạnh cải "
            "cách "
            "hành chính”...\n"
            "1.3. Vận động cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị thi đua "
            "học tập "
            "nâng cao trình độ, chuyên môn, nghiệp vụ, kỹ năng, sáng tạo, đổi mới quy trình làm việc, nâng "
            "cao chất "
            "lượng, hiệu quả công tác tham mưu, cải cách hành chính, rèn luyện tác phong làm việc chuyên "
            "nghiệp... "
            "gắn với chương trình chuyển đổi số quốc gia.\n"
            "1.4. Thi đua thực hiện thắng lợi Nghị quyết Đại hội Công đoàn các cấp nhiệm kỳ 2023-2028, cụ "
            "thể hóa "
            "bằng các chương trình, kế hoạch hành động phù hợp với từng cơ quan, đơn vị; tập trung thực hiện "
            "các "
            "giải pháp đổi mới nội dung, phương thức hoạt động Công đoàn theo tinh thần Nghị quyết số "
            "02-NQ/TW, "
            "ngày 12/6/2021 của Bộ Chính trị.\n"
            "1.5. Thi đua tổ chức hiệu quả các hoạt động chăm lo lợi ích và phúc lợi cho đoàn viên, người "
            "lao động, "
            "quan tâm hỗ trợ kịp thời các trường hợp ĐV, NLĐ có hoàn cảnh khó khăn; tập trung huy động các "
            "nguồn lực "
            "tổ chức hỗ trợ, chăm lo cho ĐV, NLĐ nhân dịp Tết Nguyên đán Ất Tỵ 2025.",
        ),
        (
            "Đối với khối doanh nghiệp",
            "2.1. Phát động trong công nhân lao động (CNLĐ) các doanh nghiệp ra sức thi đua nâng cao kỹ "
            "năng, trình "
            "độ tay nghề, phát huy sáng kiến, sáng tạo, cải tiến kỹ thuật, đẩy mạnh nghiên cứu, tiếp thu ứng "
            "dụng "
            "khoa học, công nghệ, nâng cao năng suất lao động, hiệu quả công việc. Trọng tâm là các phong "
            "trào thi "
            "đua “Lao động giỏi, lao động sáng tạo”, “Ôn lý thuyết, luyện tay nghề, thi thợ giỏi”.\n"
            "2.2. Phát động các đợt thi đua cao điểm, gắn biển các công trình, phần việc, sản phẩm chào mừng "
            "các ngày "
            "lễ lớn, các sự kiện lịch sử, chính trị quan trọng của tỉnh, của đất nước và của tổ chức Công "
            "đoàn. Đặc "
            "biệt là các đợt thi đua lập thành tích chào mừng Kỷ niệm 95 năm ngày thành lập Đảng Cộng sản "
            "Việt Nam "
            "(03/2/1930 - 03/2/2025); 80 năm Ngày thành lập nước CHXHCN Việt Nam (02/9/1945 - 02/9/2025); 50 "
            "năm "
            "Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025); 135 năm ngày "
            "sinh của "
            "Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025).\n"
            "2.3. Thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh Bình An lần thứ XVII; Nghị "
            "quyết Đại "
            "hội Công đoàn các cấp, gắn với 03 khâu đột phá của Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ "
            "2023-2028. "
            "Thi đua chăm lo đời sống vật chất và tinh thần cho người lao động góp phần xây dựng quan hệ lao "
            "động hài "
            "hòa, ổn định, tiến bộ.\n"
            "2.4. Thi đua thực hiện phong trào “Sáng - Xanh - Sạch - Đẹp”; Xây dựng cơ quan, đơn vị, doanh "
            "nghiệp văn "
            "hóa; Xây dựng môi trường làm việc văn minh, chuyên nghiệp, nâng cao ý thức trách nhiệm của "
            "người lao "
            "động.",
        ),
    ),
    phases=(
        SeedPhase(
            "Đợt 1",
            D(2025, 1, 1),
            D(2025, 6, 30),
            "Mừng Đảng quang vinh - Mừng Sinh nhật Bác",
            SEED_000_PHASE_1,
            ("party_founding", "physicians_day", "reunification", "ho_chi_minh_birthday"),
        ),
        SeedPhase(
            "Đợt 2",
            D(2024, 7, 1),  # sic: the seed dates its second phase "01/7/2024 - 31/12/2024" in a 2025 plan
            D(2024, 12, 31),
            "Thi đua cao điểm hoàn thành toàn diện và vượt mức chỉ tiêu nhiệm vụ năm 2025",
            SEED_000_PHASE_2,
            ("trade_union_founding", "august_revolution", "national_day"),
        ),
    ),
    responsibilities=(
        (
            "Hội đồng Thi đua - Khen thưởng của các đơn vị",
            None,
            "- Kiện toàn HĐTĐKT của đơn vị, phân công rõ trách nhiệm cho từng thành viên, tổ chức thực "
            "hiện.\n"
            "- Phối hợp giữa Chính quyền và Công đoàn tổ chức Hội nghị cán bộ, công chức, viên chức ở đơn "
            "vị, hướng "
            "dẫn các tập thể và cá nhân đăng ký các danh hiệu thi đua đúng quy định.\n"
            "- Triển khai ký cam kết thi đua của các cá nhân với trưởng khoa, phòng; tổ trưởng tổ công đoàn. "
            "Giữa "
            "trưởng khoa, phòng với Thủ trưởng, Chủ tịch Công đoàn cơ sở đơn vị cùng cộng đồng trách nhiệm "
            "thực "
            "hiện.\n"
            "- Xây dựng, nhân rộng nhân tố điển hình tiên tiến, xây dựng thương hiệu của cơ quan, đơn vị.\n"
            "- Tổ chức sơ kết, tổng kết các đợt, các phong trào thi đua, đề xuất khen thưởng kịp thời.",
        ),
        (
            "Hội đồng Thi đua - Khen thưởng ngành Y tế",
            None,
            "- Phân công rõ trách nhiệm cho từng thành viên để theo dõi, đôn đốc các đơn vị thực hiện;\n"
            "- Tăng cường công tác kiểm tra, giám sát thường xuyên, đột xuất;\n"
            "- Tổ chức sơ kết, tổng kết các đợt, các phong trào thi đua;\n"
            "- Đánh giá kết quả, khen thưởng kịp thời, đề xuất với cấp trên các hình thức khen thưởng cao "
            "cho các tập "
            "thể và cá nhân có thành tích xuất sắc.",
        ),
    ),
    closing=(
        "Hội đồng thi đua khen thưởng ngành Y tế Bình An kêu gọi mọi cán bộ, CNVCLĐ trong ngành y tế hãy "
        "phát huy "
        "tinh thần yêu nước, yêu nghề cùng đồng lòng, đoàn kết, cùng thi đua “Lao động giỏi, lao động sáng "
        "tạo” khắc "
        "phục khó khăn phấn đấu hoàn thành xuất sắc mục tiêu, kế hoạch nhiệm vụ năm 2025./."
    ),
    distribution="Lãnh đạo Sở;\nCông đoàn ngành;\nCác phòng chuyên môn Sở;\nCác đơn vị;\nLưu: VP Sở, CĐN.",
)

# ---------------------------------------------------------------------------------------------
# Seed 003: the Sở's plan implementing the province's 2025 directive (Sở Y tế Bình Định in the seed)
# ---------------------------------------------------------------------------------------------

SO_2025 = SeedPlan(
    key="so_2025",
    source="003_1ce1070b4f6c0cdb.txt",
    unit="SYT",
    kind="regular",
    name=(
        "Triển khai thực hiện Chỉ thị số 06/CT-UBND ngày 12/3/2025 của Ủy ban nhân dân tỉnh Bình An về việc "
        "phát "
        "động phong trào thi đua yêu nước năm 2025 trong ngành Y tế tỉnh Bình An"
    ),
    theme="Làm gương, kỷ cương, trọng tâm, bứt phá",
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    number=93,
    symbol="KH-SYT",
    issued_on=D(2025, 5, 19),
    place="Bình An",
    issuer_parent=UBND,
    issuer_name="SỞ Y TẾ",
    signer_authority="KT. GIÁM ĐỐC",
    signer_title="PHÓ GIÁM ĐỐC",
    signer_name="Trần Văn Tùng",
    basis=(
        (
            "implementing",
            "Chỉ thị số 06/CT-UBND ngày 12/3/2025 của Ủy ban nhân dân tỉnh Bình An về việc phát động phong "
            "trào thi "
            "đua yêu nước năm 2025",
        ),
    ),
    preamble=(
        "Thực hiện Chỉ thị số 06/CT-UBND ngày 12/3/2025 của Ủy ban nhân dân tỉnh Bình An về việc phát động "
        "phong "
        "trào thi đua yêu nước năm 2025; Sở Y tế xây dựng Kế hoạch triển khai thực hiện trong ngành Y tế, "
        "gồm những "
        "nội dung sau:"
    ),
    purposes=(
        "- Thực hiện tốt Chỉ thị số 06/CT-UBND, nhằm tạo sự chuyển biến mạnh mẽ trong công tác lãnh đạo, chỉ "
        "đạo "
        "của người đứng đầu và Hội đồng Thi đua, khen thưởng các đơn vị trong công tác tổ chức phát động, "
        "triển khai "
        "các phong trào thi đua và thực hiện công tác khen thưởng.\n"
        "- Phát huy sức mạnh tổng hợp của công chức, viên chức, người lao động ngành y tế trong tổ chức "
        "triển khai "
        "các phong trào thi đua, làm cho thi đua thực sự trở thành ý thức tự giác, trách nhiệm và việc làm "
        "thường "
        "xuyên của mỗi đơn vị và cá nhân, tạo động lực góp phần thực hiện thắng lợi các nhiệm vụ phát triển "
        "kinh tế "
        "- xã hội của tỉnh theo Nghị quyết Đại hội Đảng bộ tỉnh Bình An lần thứ XX, lập thành tích chào mừng "
        "Đại hội "
        "đảng bộ các cấp, Đại hội đại biểu Đảng bộ tỉnh Bình An lần thứ XXI tiến tới Đại hội đại biểu toàn "
        "quốc lần "
        "thứ XIV của Đảng.\n"
        "- Hội đồng Thi đua, khen thưởng các đơn vị cần xác định rõ các nội dung, nhiệm vụ trọng tâm và đề "
        "ra các "
        "giải pháp cụ thể, thiết thực nhằm đổi mới, nâng cao chất lượng các phong trào thi đua và công tác "
        "khen "
        "thưởng. Đồng thời, tổ chức triển khai, đôn đốc, kiểm tra, giám sát chặt chẽ việc thực hiện Chỉ thị "
        "số "
        "06/CT-UBND; kịp thời phát hiện, nhân rộng các điển hình tiên tiến trong phong trào thi đua."
    ),
    sections=(
        (
            "Quán triệt, tuyên truyền đường lối chủ trương của Đảng, tư tưởng của Chủ tịch Hồ Chí Minh về "
            "thi đua "
            "yêu nước",
            "Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu "
            "nước, chủ "
            "trương của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng; đặc biệt là Luật "
            "Thi đua, "
            "khen thưởng và các văn bản hướng dẫn thi hành, Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính "
            "trị về "
            "tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, khen thưởng trong tình hình mới, Chỉ "
            "thị số "
            "19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.\n"
            "Chú trọng tuyên truyền, giáo dục, bồi dưỡng về truyền thống yêu nước, ý chí kiên cường, bất "
            "khuất, tinh "
            "thần đoàn kết và niềm tự hào dân tộc về các sự kiện trọng đại, các ngày lễ lớn của đất nước, "
            "của tỉnh, "
            "của ngành cùng với những thành tựu kinh tế - xã hội trong quá trình 50 năm xây dựng và phát "
            "triển, đặc "
            "biệt là những đóng góp của ngành y tế trong công cuộc chăm sóc, bảo vệ sức khỏe nhân dân.",
        ),
        (
            "Phát động, tổ chức, triển khai các phong trào thi đua thiết thực, hiệu quả, bám sát nội dung "
            "chỉ đạo "
            "của Chính phủ, Bộ Y tế, UBND tỉnh theo chủ đề thi đua hàng năm",
            "- Tiếp tục triển khai có hiệu quả các phong trào thi đua do Thủ tướng Chính phủ phát động, như: "
            "“Cả "
            "nước chung sức xây dựng nông thôn mới”; “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa "
            "công "
            "sở”; “Vì người nghèo, không để ai bị bỏ lại phía sau”; “Đẩy mạnh phát triển kết cấu hạ tầng "
            "đồng bộ, "
            "hiện đại; thực hành tiết kiệm, chống lãng phí”; “Xóa nhà tạm, nhà dột nát trong phạm vi cả nước "
            "trong "
            "năm 2025”.\n"
            "- Tập trung giải quyết các nút thắt, điểm nghẽn, các chỉ tiêu, nhiệm vụ trọng tâm của ngành với "
            "tinh "
            "thần “Làm gương, kỷ cương, trọng tâm, bứt phá” và “5 rõ: rõ người, rõ việc, rõ trách nhiệm, rõ "
            "thời "
            "gian, rõ kết quả”.\n"
            "- Các phong trào thi đua yêu nước cần gắn kết chặt chẽ với việc triển khai thực hiện các nhiệm "
            "vụ, chỉ "
            "tiêu phát triển kinh tế - xã hội của ngành, của tỉnh, trong đó, tập trung vào một số chỉ tiêu, "
            "nhiệm vụ "
            "trọng tâm của ngành y tế, như: Đẩy mạnh công tác phòng chống dịch bệnh, đảm bảo an toàn thực "
            "phẩm, nâng "
            "cao tỷ lệ tiêm chủng, thực hiện tốt chương trình sức khỏe sinh sản, duy trì mức sinh thay thế, "
            "tỷ lệ dân "
            'số tham gia BHYT, tỷ lệ trạm y tế có bác sĩ làm việc. Thực hiện phương châm "chỉ tiêu nào chưa '
            "đạt thì "
            'phải đạt, chỉ tiêu đạt rồi thì phải nâng cao chất lượng, hiệu quả".\n'
            "- Thường xuyên đôn đốc, kiểm tra, sơ kết, tổng kết, đánh giá hiệu quả các phong trào thi đua "
            "trên cơ sở "
            "đánh giá kết quả thực hiện nhiệm vụ chính trị của từng đơn vị.",
        ),
        (
            "Phát động phong trào “Bình dân học vụ số”",
            "- Tập trung nâng cao nhận thức và tạo đột phá trong đổi mới tư duy, tạo xung lực mới, khí thế "
            "mới trong "
            "toàn ngành y tế về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; xây dựng "
            "các nền "
            "tảng ứng dụng trí tuệ nhân tạo (AI) phục vụ hoạt động chuyên môn, như: chẩn đoán, điều trị, "
            "quản lý bệnh "
            "viện, y tế dự phòng.\n"
            "- Tập trung triển khai thực hiện các nhiệm vụ, giải pháp và phấn đấu hoàn thành các chỉ tiêu cụ "
            "thể đến "
            "năm 2030, tầm nhìn đến năm 2045 thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính "
            "trị về đột "
            "phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
        ),
        (
            "Cải cách thủ tục hành chính, kỷ luật kỷ cương, ứng dụng công nghệ thông tin trong công tác quản "
            "lý nhà "
            "nước về thi đua, khen thưởng",
            "- Siết chặt kỷ luật, kỷ cương, nâng cao hiệu lực, hiệu quả và trách nhiệm người đứng đầu trong "
            "thực thi "
            "công vụ; đẩy mạnh cải cách thủ tục hành chính, chuyển đổi số, đơn giản hóa các quy trình, cải "
            "thiện quy "
            "trình khám chữa bệnh, giảm tải bệnh viện.\n"
            "- Tiếp tục đẩy mạnh phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt "
            "đời giai "
            "đoạn 2023 - 2030”.\n"
            "- Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý nhà nước về thi đua, khen thưởng, đặc "
            "biệt là các "
            "nội dung liên quan đến quy trình, thủ tục, hồ sơ khen thưởng và lưu trữ hồ sơ thi đua, khen "
            "thưởng.\n"
            "- Từng bước rà soát, tham mưu đơn giản hóa bộ thủ tục hành chính trong công tác thi đua, khen "
            "thưởng.",
        ),
        (
            "Triển khai sắp xếp, tinh gọn tổ chức bộ máy",
            "Kịp thời triển khai sắp xếp, tinh gọn tổ chức bộ máy của các cơ quan, đơn vị trong ngành y tế. "
            "Làm tốt "
            "công tác tuyên truyền, công tác chính trị, tư tưởng, tạo sự đồng thuận, thống nhất trong đội "
            "ngũ công "
            "chức, viên chức khi thực hiện chủ trương sắp xếp tổ chức bộ máy của hệ thống chính trị.",
        ),
        (
            "Nâng cao chất lượng công tác khen thưởng",
            "- Thực hiện khen thưởng chính xác, kịp thời, công khai, minh bạch; đề cao trách nhiệm người "
            "đứng đầu "
            "đơn vị trong việc phát hiện điển hình, nhân tố mới để đề nghị cấp trên khen thưởng.\n"
            "- Phát hiện, khen thưởng kịp thời tập thể, cá nhân có thành tích xuất sắc đột xuất; chú trọng "
            "khen "
            "thưởng người trực tiếp khám bệnh, chữa bệnh, chăm sóc người bệnh và phòng, chống dịch bệnh. "
            "Quan tâm "
            "khen thưởng các tập thể, cá nhân ở cơ sở, nơi vùng sâu, vùng xa, hải đảo và vùng dân tộc thiểu "
            "số.\n"
            "- Tăng cường kiểm tra, giám sát, có biện pháp cụ thể để chống các biểu hiện tiêu cực trong công "
            "tác "
            "thi đua khen thưởng.",
        ),
        (
            "Đẩy mạnh công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; tuyên truyền các phong "
            "trào thi "
            "đua, gương người tốt, việc tốt",
            "- Công tác phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến được coi là nhiệm vụ "
            "thường "
            "xuyên, trọng tâm. Các đơn vị xây dựng kế hoạch cụ thể để bồi dưỡng, xây dựng các mô hình mới, "
            "nhân tố "
            "mới, thực hiện đồng bộ tốt cả 4 khâu: Phát hiện - bồi dưỡng - tổng kết - nhân rộng điển hình "
            "tiên tiến. "
            "Hằng năm mỗi đơn vị cần lựa chọn các điển hình tiêu biểu, xuất sắc toàn diện để phổ biến, nêu "
            "gương và "
            "nhân rộng, tạo sự lan tỏa trong toàn Ngành.\n"
            "- Thực hiện đổi mới, đa dạng hóa nội dung, hình thức, phương thức tuyên truyền các phong trào "
            "thi đua, "
            "các điển hình tiên tiến, nhân tố mới, gương người tốt, việc tốt.",
        ),
    ),
    targets=(
        SeedTarget(
            "Đơn vị trực thuộc xây dựng kế hoạch triển khai thực hiện Chỉ thị số 06/CT-UBND",
            "%",
            "eq",
            "100",
            kind="computed",
            computation="derived_plan_issued",
        ),
        SeedTarget(
            "Số điển hình tiêu biểu, xuất sắc toàn diện được đơn vị lựa chọn để phổ biến, nêu gương và nhân "
            "rộng",
            "điển hình",
            "gte",
            "1",
            "yearly",
        ),
        # The seed names these indicators to raise without a figure: entered as such, they stay unmeasurable.
        SeedTarget(
            "Tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi", "%", "", None, "quarterly", "named_unit", "CDC"
        ),
        SeedTarget(
            "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "", None, "half_yearly", "named_unit", "SYT-KHTC"
        ),
        SeedTarget(
            "Tỷ lệ trạm y tế có bác sĩ làm việc", "%", "", None, "half_yearly", "named_unit", "SYT-TCCB"
        ),
    ),
    responsibilities=(
        (
            "Phòng Tổ chức cán bộ Sở Y tế",
            "SYT-TCCB",
            "Làm đầu mối phối hợp các phòng chuyên môn, nghiệp vụ Sở Y tế và các đơn vị có liên quan tham "
            "mưu Lãnh "
            "đạo Sở triển khai thực hiện, kiểm tra giám sát và tổng hợp báo cáo kết quả việc thực hiện Kế "
            "hoạch này.",
        ),
        (
            "Thủ trưởng các đơn vị trực thuộc Sở",
            None,
            "Căn cứ Kế hoạch này, xây dựng kế hoạch triển khai tổ chức thực hiện có hiệu quả Chỉ thị số "
            "06/CT-UBND "
            "theo đúng mục đích yêu cầu đề ra. Hằng năm, khi tiến hành sơ, tổng kết công tác thi đua, khen "
            "thưởng cần "
            "gắn với kết quả triển khai thực hiện Chỉ thị.",
        ),
        (
            "Các thành viên Hội đồng Thi đua, khen thưởng ngành Y tế",
            None,
            "Chủ động, tích cực chỉ đạo, kiểm tra, giám sát việc triển khai thực hiện Chỉ thị số 06/CT-UBND "
            "trong cụm "
            "thi đua, đơn vị, lĩnh vực được phân công phụ trách.",
        ),
        (
            "Các Công đoàn cơ sở",
            None,
            "Tổ chức vận động đoàn viên tích cực tham gia các phong trào thi đua yêu nước, phấn đấu hoàn "
            "thành tốt "
            "các nhiệm vụ được giao; tham gia giám sát việc thực hiện chủ trương của Đảng, chính sách, pháp "
            "luật của "
            "Nhà nước về thi đua, khen thưởng.",
        ),
    ),
    closing=(
        "Trong quá trình triển khai thực hiện Kế hoạch nếu có khó khăn, vướng mắc hoặc cần điều chỉnh, bổ "
        "sung cho "
        "phù hợp với tình hình thực tiễn, các đơn vị phản ánh bằng văn bản về Sở Y tế để phối hợp giải "
        "quyết./."
    ),
    distribution=(
        "UBND tỉnh;\nSở Nội vụ;\nHội đồng TĐKT tỉnh;\nLãnh đạo Sở;\nCác đơn vị trực thuộc Sở;\n"
        "Các phòng, VP, T.Tra Sở;\nTrang TTĐT Sở Y tế;\nLưu: VT, TCCB."
    ),
)

# ---------------------------------------------------------------------------------------------
# Seed 001: a regional health centre's plan for 2025 (Trung tâm Y tế Giang Thành in the seed)
# ---------------------------------------------------------------------------------------------

KV4 = "Trung tâm Y tế khu vực Ngọc Sơn"
PLEDGE_TEXT = (
    "thực hiện tốt Quy tắc ứng xử, đổi mới phong cách, thái độ phục vụ của nhân viên y tế; Phong trào thi "
    "đua thực "
    "hiện Văn hóa công sở, giai đoạn 2019-2025; Xây dựng môi trường y tế “Xanh - Sạch - Đẹp - An toàn và "
    "giảm "
    "thiểu chất thải nhựa”; Nâng cao sức khỏe thể chất và tinh thần cho nhân viên y tế và người lao động; "
    "Nâng cao "
    "chất lượng dịch vụ y tế theo đúng tinh thần Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành "
    "Trung "
    "ương Đảng, phấn đấu hoàn thành và hoàn thành vượt chỉ tiêu kế hoạch năm 2025"
)

TTYT_KV4_2025 = SeedPlan(
    key="ttyt_kv4_2025",
    source="001_a3c2191350367173.txt",
    unit="TTYT-KV4",
    parent="so_2025",
    kind="regular",
    name="Phát động phong trào thi đua thực hiện nhiệm vụ năm 2025",
    theme=f"{KV4} đoàn kết, chủ động, sáng tạo hoàn thành đạt và vượt các chỉ tiêu, nhiệm vụ năm 2025.",
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    number=870,
    symbol="KH-TTYT",
    issued_on=D(2025, 5, 27),
    place="Ngọc Sơn",
    issuer_parent=SO,
    issuer_name=KV4.upper(),
    signer_title="GIÁM ĐỐC",
    signer_name="Lê Hữu Phúc",
    officer="so.thidua",
    preamble=(
        f"{KV4} xây dựng Kế hoạch phát động phong trào thi đua thực hiện nhiệm vụ năm 2025 với các nội dung, "
        "cụ "
        "thể như sau:"
    ),
    purposes=(
        "- Nhằm tạo khí thế thi đua sôi nổi và sự chuyển biến mạnh mẽ trong nhận thức của các cấp ủy đảng, "
        "chính "
        "quyền đội ngũ viên chức, người lao động (VCNLĐ) của Trung tâm Y tế với tinh thần đoàn kết, chủ "
        "động, sáng "
        "tạo của mỗi tập thể, cá nhân phấn đấu hoàn thành thắng lợi nhiệm vụ của từng Khoa, Phòng, Trạm Y tế "
        "góp "
        "phần hoàn thành các mục tiêu, chỉ tiêu nhiệm vụ bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân.\n"
        "- Từ kết quả của phong trào thi đua, chú trọng phát hiện, bồi dưỡng, tổng kết, nhân rộng các mô "
        "hình mới, "
        "cách làm hay có hiệu quả, các điển hình tiên tiến, gương người tốt, việc tốt trong các phong trào "
        "thi đua "
        "yêu nước tạo sự lan tỏa mạnh mẽ trong toàn Trung tâm Y tế.\n"
        "- Thông qua phong trào thi đua tiếp tục đổi mới và nâng cao chất lượng công tác thi đua, khen "
        "thưởng, kịp "
        "thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc, đảm bảo chính xác, dân "
        "chủ, công "
        "khai nhằm khơi dậy ý thức phấn đấu, chủ động, sáng tạo của VCNLĐ."
    ),
    requirements=(
        "- Phong trào thi đua phải được thực hiện đồng bộ, thường xuyên, liên tục, triển khai sâu, rộng với "
        "nội "
        "dung, hình thức phong phú, thiết thực bám sát các chỉ tiêu, nhiệm vụ trọng tâm, trọng điểm; các "
        "tiêu chí "
        "thi đua phải cụ thể, rõ ràng, mang tính định lượng, tạo động lực thu hút viên chức, người lao động "
        "tham "
        "gia; phấn đấu hoàn thành toàn diện, đạt và vượt các chỉ tiêu, nhiệm vụ được giao năm 2025.\n"
        "- Kết hợp chặt chẽ giữa thực hiện phong trào thi đua thường xuyên với các phong trào thi đua theo "
        "chuyên "
        "đề, theo đợt gắn với việc tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ Chí "
        "Minh.\n"
        "- Gắn kết chặt chẽ kết quả thực hiện phong trào thi đua với công tác khen thưởng; thực hiện đúng "
        "quy trình, "
        "nâng cao chất lượng khen thưởng, đảm bảo khen thưởng chính xác, dân chủ, công khai; kết thúc phong "
        "trào "
        "thi đua tiến hành tổng kết, đánh giá, rút ra những bài học kinh nghiệm."
    ),
    audience=f"Các Khoa, Phòng, Trạm Y tế, viên chức và người lao động thuộc {KV4}.",
    sections=(
        (
            "Thi đua thực hiện các chỉ thị, kết luận, kế hoạch về thi đua, khen thưởng",
            "Thi đua thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Đổi mới công tác thi "
            "đua, "
            "khen thưởng”; Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ "
            "thị số "
            "05-CT/TW ngày 15/5/2016 về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
            "Minh; Chỉ "
            "thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ; Kế hoạch số 180/KH-UBND ngày "
            "23/11/2020 và Kế "
            "hoạch số 90/KH-UBND ngày 28/4/2021 của Ủy ban nhân dân tỉnh.",
        ),
        (
            "Thi đua thực hiện đồng bộ, hiệu quả Chiến lược phát triển kinh tế - xã hội",
            "- Thi đua phấn đấu thực hiện hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ được giao "
            "theo "
            "Nghị quyết số 08/NQ-HĐND ngày 08/01/2025 của Hội đồng nhân dân tỉnh.\n"
            "- Thi đua đẩy mạnh ứng dụng công nghệ thông tin, thực hiện chuyển đổi số; tiếp tục rà soát, sắp "
            "xếp, "
            "kiện toàn, tinh gọn tổ chức bộ máy gắn với tinh giản biên chế, nâng cao chất lượng đội ngũ viên "
            "chức.\n"
            "- Quan tâm thúc đẩy mạnh mẽ phát triển khởi nghiệp, đổi mới sáng tạo; khuyến khích tinh thần "
            "dám nghĩ, "
            "dám làm, dám chịu trách nhiệm vì lợi ích chung.",
        ),
        (
            "Phát huy vai trò của công đoàn",
            "Phát huy vai trò của công đoàn trong việc phối hợp tổ chức thực hiện và tuyên truyền, vận động "
            "đoàn "
            "viên, viên chức, người lao động đoàn kết, tin tưởng và tích cực tham gia, hưởng ứng các phong "
            "trào thi "
            "đua, góp phần thực hiện thắng lợi nhiệm vụ được giao của đơn vị năm 2025.",
        ),
        (
            "Tiếp tục thực hiện có hiệu quả các phong trào thi đua do Thủ tướng Chính phủ phát động",
            "“Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm chống lãng phí”; "
            "“Cả nước "
            "chung sức xây dựng nông thôn mới”; “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại "
            "phía sau”; "
            "“Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”; “Xây dựng xã hội học tập giai "
            "đoạn "
            "2021-2030”; “Xóa nhà tạm, nhà dột nát”... và các phong trào thi đua theo ngành, lĩnh vực.",
        ),
        (
            "Đổi mới công tác tuyên truyền, phát hiện, nhân rộng điển hình tiên tiến",
            "Thi đua đổi mới công tác tuyên truyền, phát hiện, nhân rộng điển hình tiên tiến, các mô hình, "
            "sáng tạo, "
            "gương “Người tốt, việc tốt” để giáo dục nêu gương, tạo sự lan tỏa, truyền cảm hứng trong cộng "
            "đồng, xã "
            "hội.",
        ),
        (
            "Tiêu chuẩn, hình thức, thành phần hồ sơ, kinh phí và thời gian đề nghị khen thưởng",
            "Tiêu chuẩn khen thưởng tập thể, cá nhân; danh hiệu thi đua, hình thức và kinh phí khen thưởng "
            "thực hiện "
            "theo quy định của Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành. Thành phần hồ sơ "
            "và thời "
            "gian đề nghị xét khen thưởng thực hiện theo quy định của Trung tâm Y tế (có văn bản hướng dẫn "
            "cụ thể "
            "sau).",
        ),
    ),
    targets=(
        SeedTarget(
            "Khoa, Phòng, Trạm Y tế tổ chức cho viên chức, người lao động ký cam kết với Lãnh đạo Khoa, "
            "Phòng, Trạm "
            f"Y tế {PLEDGE_TEXT}",
            "%",
            "eq",
            "100",
            "half_yearly",
            "issuer",
        ),
        SeedTarget(
            f"Lãnh đạo các Khoa, Phòng, Trạm Y tế ký cam kết với Ban Giám đốc thực hiện tốt Quy chế dân chủ; "
            f"{PLEDGE_TEXT}",
            "%",
            "eq",
            "100",
            "half_yearly",
            "issuer",
        ),
        SeedTarget(
            "Tổ chức tuyên truyền kỷ niệm các ngày lễ lớn trong năm, tổ chức Hội nghị điển hình tiên tiến "
            "năm 2025",
            "hội nghị",
            "gte",
            "1",
            "once",
            "issuer",
        ),
        SeedTarget(
            "Tổ chức Hội nghị viên chức, người lao động đảm bảo đúng nội dung và thời gian quy định",
            "hội nghị",
            "gte",
            "1",
            "once",
            "issuer",
        ),
        SeedTarget(
            "Khoa, Phòng, Trạm Y tế có xây dựng kế hoạch thực hiện Quy tắc giao tiếp ứng xử và y đức cho đội "
            "ngũ "
            "VCNLĐ, tạo sự hài lòng cho người bệnh",
            "%",
            "eq",
            "100",
            "half_yearly",
            "issuer",
        ),
        SeedTarget(
            "Viên chức, người lao động tham gia học Nghị quyết, chính sách của Đảng, pháp luật của Nhà nước",
            "%",
            "gt",
            "96",
            "half_yearly",
        ),
        SeedTarget(
            "Thực hiện chỉ tiêu kế hoạch của đơn vị do cấp trên giao",
            "%",
            "gte",
            "95",
            "half_yearly",
            "issuer",
        ),
        SeedTarget(
            "Đề tài nghiên cứu khoa học hoặc sáng kiến cải tiến kỹ thuật được tham gia, ứng dụng thành công",
            "đề tài, sáng kiến",
            "gte",
            "1",
            "yearly",
            "issuer",
        ),
        SeedTarget(
            "Xây dựng kế hoạch định hướng phát triển Trung tâm Y tế giai đoạn 2020-2025",
            "kế hoạch",
            "gte",
            "1",
            "once",
            "issuer",
        ),
        SeedTarget(
            "Trạm Y tế đạt chuẩn quốc gia về Y tế theo tiêu chí mới", "%", "eq", "100", "yearly", "issuer"
        ),
        SeedTarget(
            "Khoa, Phòng, Trạm Y tế xây dựng phong trào rèn luyện nâng cao sức khỏe cho nhân viên y tế, có "
            "đề xuất "
            "giải pháp giảm stress, nâng cao đời sống tinh thần cho nhân viên y tế và người lao động",
            "%",
            "eq",
            "100",
            "yearly",
            "issuer",
        ),
        SeedTarget("Không khói thuốc lá trong khuôn viên đơn vị", "%", "eq", "100", "half_yearly"),
    ),
    responsibilities=(
        (
            "Các Khoa, Phòng, Trạm Y tế xã",
            None,
            "Căn cứ kế hoạch, tranh thủ sự lãnh đạo của Cấp ủy Đảng, chính quyền phối hợp với Công đoàn cụ "
            "thể hóa "
            "Kế hoạch phát động thi đua sát với tình hình thực tế của đơn vị mình tổ chức ký kết giao ước "
            "thi đua "
            "giữa các tập thể và cá nhân trong đơn vị; lựa chọn những mặt công tác trọng tâm để phát động "
            "các đợt "
            "thi đua ngắn hạn. Tổ chức sơ kết, tổng kết, biểu dương khen thưởng cá nhân, tập thể đạt thành "
            "tích tiêu "
            "biểu xuất sắc; lựa chọn những cá nhân, tập thể tiêu biểu đề nghị cấp trên khen thưởng theo thẩm "
            "quyền.",
        ),
        (
            "Phòng Tổ chức – Hành chính",
            "TTYT-KV4-TCHC",
            "Có trách nhiệm kiểm tra, giám sát để kịp thời đôn đốc, nhắc nhở các Khoa, Phòng, Trạm Y tế xã "
            "thực "
            "hiện, nhằm nâng cao hiệu quả của công tác thi đua khen thưởng. Đồng thời chịu trách nhiệm báo "
            "cáo trước "
            "Ban Giám đốc Trung tâm Y tế về kết quả triển khai thực hiện công tác Thi đua khen thưởng hàng "
            "năm.",
        ),
    ),
    closing=(
        "Trên đây là Kế hoạch phát động phong trào thi đua năm 2025, trong quá trình tổ chức thực hiện, nếu "
        "có khó "
        "khăn, vướng mắc, các Khoa, Phòng, Trạm Y tế xã báo cáo về Trung tâm Y tế (qua phòng Tổ chức – Hành "
        "chính) để "
        "được hướng dẫn, giải quyết."
    ),
    distribution=(
        "Sở Y tế (để báo cáo);\nBan Giám đốc (để báo cáo);\nHội đồng TĐKT TTYT;\nCác Khoa, Phòng, Trạm Y "
        "tế;\n"
        "Trang thông tin điện tử của Trung tâm;\nLưu: VT, TCHC (02b)."
    ),
)

# ---------------------------------------------------------------------------------------------
# Seed 002 and the plans it cites: Bộ Y tế (outside) → Sở (constructed) → regional centre (seed) → station
# ---------------------------------------------------------------------------------------------

MOH_885 = (
    "Kế hoạch số 885/KH-BYT ngày 17/7/2024 của Bộ Y tế về việc phát động phong trào thi đua “Ngành Y tế 70 "
    "năm làm "
    "theo lời Bác Hồ dạy”, hướng tới kỷ niệm 70 năm ngày Bác Hồ gửi thư cho ngành Y tế (27/02/1955 - "
    "27/02/2025)"
)
SEVENTY_YEARS = "Ngành Y tế tỉnh Bình An 70 năm làm theo lời Bác Hồ dạy"

SO_70_YEARS = SeedPlan(
    key="so_70_years",
    source="constructed",
    unit="SYT",
    kind="thematic",
    state="closed",
    name=(
        f"Phát động phong trào thi đua “{SEVENTY_YEARS}”; tổ chức thực hiện Đại hội Thi đua yêu nước cấp cơ "
        "sở"
    ),
    theme=SEVENTY_YEARS,
    start=D(2024, 8, 1),
    end=D(2025, 6, 30),
    number=2192,
    symbol="KH-SYT",
    issued_on=D(2024, 8, 1),
    place="Bình An",
    issuer_parent=UBND,
    issuer_name="SỞ Y TẾ",
    signer_title="GIÁM ĐỐC",
    signer_name="Nguyễn Minh Khang",
    basis=(("pursuant", MOH_885),),
    purposes=(
        "Tạo khí thế thi đua sôi nổi, rộng khắp trong toàn ngành hướng tới kỷ niệm 70 năm ngày Bác Hồ gửi "
        "thư cho "
        "ngành Y tế; tổ chức thành công Đại hội Thi đua yêu nước cấp cơ sở, tiến tới Đại hội Thi đua yêu "
        "nước tỉnh "
        "Bình An lần thứ VI."
    ),
    sections=(
        (
            "Phát động phong trào thi đua “Ngành Y tế tỉnh Bình An 70 năm làm theo lời Bác Hồ dạy”",
            "Các đơn vị trực thuộc xây dựng kế hoạch triển khai, gắn với việc “Học tập và làm theo tư tưởng, "
            "đạo đức, "
            "phong cách Hồ Chí Minh”, hướng tới kỷ niệm 70 năm ngày Thầy thuốc Việt Nam.",
        ),
        (
            "Tổ chức Đại hội Thi đua yêu nước cấp cơ sở",
            "Các đơn vị tổ chức Đại hội Thi đua yêu nước cấp cơ sở, đánh giá kết quả các phong trào thi đua "
            "giai "
            "đoạn 2020 - 2025, biểu dương, tôn vinh các điển hình tiên tiến.",
        ),
    ),
    targets=(
        SeedTarget(
            "Đơn vị trực thuộc xây dựng kế hoạch triển khai phong trào",
            "%",
            "eq",
            "100",
            kind="computed",
            computation="derived_plan_issued",
        ),
        SeedTarget("Đơn vị tổ chức Đại hội Thi đua yêu nước cấp cơ sở", "đại hội", "gte", "1", "once"),
    ),
    distribution="Bộ Y tế (để báo cáo);\nUBND tỉnh;\nCác đơn vị trực thuộc Sở;\nLưu: VT, TCCB.",
)

TTYT_KV3_70_YEARS = SeedPlan(
    key="ttyt_kv3_70_years",
    source="002_34ce6455fc00bdec.txt",
    unit="TTYT-KV3",
    parent="so_70_years",
    kind="thematic",
    state="closed",
    name=(
        "Phát động phong trào thi đua “Ngành Y tế 70 năm làm theo lời Bác Hồ dạy”; Tổ chức thực hiện Đại hội "
        "Thi "
        "đua yêu nước cấp cơ sở"
    ),
    theme=SEVENTY_YEARS,
    start=D(2024, 8, 15),
    end=D(2025, 6, 30),
    number=412,
    symbol="KH-TTYT",
    issued_on=D(2024, 8, 15),
    place="Sông Trà",
    issuer_parent=SO,
    issuer_name="TRUNG TÂM Y TẾ KHU VỰC SÔNG TRÀ",
    signer_authority="KT. GIÁM ĐỐC",
    signer_title="PHÓ GIÁM ĐỐC",
    signer_name="Đinh Thanh Hải",
    basis=(("pursuant", MOH_885),),
    preamble=(
        "Phát huy kết quả đạt được trong phong trào thi đua yêu nước, Trung tâm Y tế khu vực Sông Trà xây "
        "dựng kế "
        f"hoạch phát động phong trào thi đua “{SEVENTY_YEARS}”, đồng thời triển khai thực hiện việc tổ chức "
        "Đại hội "
        "Thi đua yêu nước các cấp với các nội dung cụ thể như sau:"
    ),
    purposes=(
        "- Tạo khí thế thi đua sôi nổi, rộng khắp trong toàn thể công chức, viên chức, người lao động tại "
        "Trung tâm "
        "Y tế khu vực Sông Trà, phát huy sức mạnh của tập thể, cá nhân trong việc đẩy mạnh học tập và làm "
        "theo tư "
        "tưởng, đạo đức, phong cách Hồ Chí Minh, đặc biệt thực hiện những lời căn dặn của Người đối với "
        "ngành Y tế.\n"
        "- Tạo sự chuyển biến mạnh mẽ về nhận thức, thay đổi hành vi và trách nhiệm của các cấp uỷ, chính "
        "quyền trong "
        "việc khẳng định vai trò, tầm quan trọng của tư tưởng, đạo đức, phong cách Hồ Chí Minh đối với việc "
        "đổi mới "
        "phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh.\n"
        "- Biểu dương thành tích và tôn vinh khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong "
        "các phong "
        "trào thi đua yêu nước; các gương điển hình tiên tiến, tiêu biểu.\n"
        "- Đánh giá kết quả của các phong trào thi đua yêu nước và công tác khen thưởng, rút ra các bài học "
        "kinh "
        "nghiệm; chỉ ra những hạn chế cần khắc phục để tiếp tục đổi mới công tác thi đua, khen thưởng."
    ),
    requirements=(
        "Phong trào thi đua phải được quán triệt, triển khai đến các tập thể, cá nhân trong toàn đơn vị. Tổ "
        "chức "
        "phong trào thi đua phải phù hợp với tình hình thực tế tại đơn vị, nhằm thực hiện tốt các chỉ tiêu, "
        "nhiệm vụ "
        "được giao."
    ),
    sections=(
        (
            "Hướng vào tiêu chí chung",
            "Mỗi tập thể, cá nhân trong đơn vị cần tập trung cùng hướng vào tiêu chí chung “Vì sức khoẻ của "
            "cộng "
            "đồng - Vì sự nghiệp dân cường nước thịnh” với tâm đức “Lương y phải như từ mẫu - Thầy thuốc "
            "phải như mẹ "
            "hiền” mà Bác Hồ kính yêu đã dạy.",
        ),
        (
            "Tăng cường đoàn kết nội bộ",
            "Tăng cường đoàn kết nội bộ, nâng cao bản lĩnh chính trị, lập trường tư tưởng và trau dồi đạo "
            "đức cách "
            "mạng, quyết tâm thực hiện tốt nhiệm vụ được giao.",
        ),
        (
            "Học tập, nâng cao trình độ chuyên môn",
            "Mỗi công chức, viên chức và người lao động tích cực, chủ động học tập, nghiên cứu, trau dồi "
            "kiến thức y "
            "học nhằm nâng cao trình độ chuyên môn nghiệp vụ.",
        ),
        (
            "Hoàn thành các mục tiêu, chỉ tiêu, nhiệm vụ chính trị",
            "Ra sức thi đua, phấn đấu hoàn thành các mục tiêu, chỉ tiêu, nhiệm vụ chính trị của đơn vị trong "
            "năm 2024, "
            "góp phần thực hiện các mục tiêu trong giai đoạn 2020 - 2025.",
        ),
        (
            "Xây dựng các đơn vị vững mạnh về tổ chức",
            "Thi đua xây dựng các đơn vị trong ngành Y tế vững mạnh về tổ chức làm điều kiện tiên quyết để "
            "xây dựng "
            "đội ngũ thầy thuốc sáng y đức, giỏi y nghiệp, làm tốt công tác cán bộ ngành y, nhất là vùng khó "
            "khăn.",
        ),
        (
            "Xây dựng nền y tế khoa học",
            "Thi đua xây dựng nền y tế khoa học, nhằm phục vụ công tác bảo vệ, chăm sóc và nâng cao sức khoẻ "
            "nhân "
            "dân; huy động mọi người dân cùng chung tay, đồng hành cùng ngành Y tế.",
        ),
        (
            "Tuyên truyền, vận động, tạo sự đồng thuận",
            "Thi đua thực hiện tốt công tác tuyên truyền, vận động, tạo sự đồng thuận trong xã hội, mọi tầng "
            "lớp nhân "
            "dân ủng hộ và chia sẻ trách nhiệm với ngành Y tế trong việc thực hiện nhiệm vụ bảo vệ, chăm sóc "
            "sức khoẻ "
            "nhân dân.",
        ),
        (
            "Tuyên truyền tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh",
            "Đẩy mạnh tuyên truyền tư tưởng về thi đua yêu nước của Chủ tịch Hồ Chí Minh; chủ trương, đường "
            "lối của "
            "Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng; mở rộng nhiều hình thức tuyên "
            "truyền, "
            "biểu dương các điển hình tiên tiến, tạo không khí sôi nổi, chào mừng các ngày kỷ niệm lớn trong "
            "năm 2024 "
            "và 2025, chào mừng kỷ niệm 70 năm ngày Thầy thuốc Việt Nam, chào mừng Đại hội Thi đua yêu nước "
            "tỉnh Bình "
            "An lần thứ VI, Đại hội Thi đua yêu nước toàn quốc lần thứ XI và Đại hội Đảng các cấp tiến tới "
            "Đại hội "
            "đại biểu toàn quốc lần thứ XIV của Đảng.",
        ),
        (
            "Quán triệt, thực hiện Luật Thi đua, khen thưởng năm 2022",
            "Tiếp tục quán triệt, tổ chức thực hiện tốt Luật Thi đua, khen thưởng năm 2022 và các văn bản "
            "quy định "
            "thi hành; nâng cao nhận thức, trách nhiệm, chấp hành tốt các quy định của pháp luật về thi đua, "
            "khen "
            "thưởng.",
        ),
        (
            "Phát động đợt thi đua đặc biệt",
            "Các khoa, phòng, trạm y tế xã, thị trấn tổ chức phát động đợt thi đua đặc biệt, sôi nổi, sâu "
            "rộng và "
            "thiết thực gắn với việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”, tập "
            "trung chỉ "
            "đạo triển khai có hiệu quả các phong trào thi đua trọng tâm do Thủ tướng Chính phủ phát động và "
            "các "
            "phong trào thi đua do Ủy ban nhân dân tỉnh phát động.",
        ),
        (
            "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
            "Các khoa, phòng, trạm y tế xã, thị trấn có kế hoạch phát hiện, bồi dưỡng, công nhận và nhân "
            "rộng các "
            "điển hình tiên tiến; lựa chọn các tập thể, cá nhân xuất sắc đủ điều kiện tiêu chuẩn khen thưởng "
            "đề nghị "
            "cấp có thẩm quyền tặng thưởng các hình thức khen thưởng phù hợp.",
        ),
    ),
    responsibilities=(
        (
            "Trưởng các khoa, phòng, trạm y tế xã, thị trấn",
            None,
            f"Tổ chức tuyên truyền, phát động và tổ chức thực hiện phong trào thi đua “{SEVENTY_YEARS}”, "
            "hướng tới kỷ "
            "niệm 70 năm ngày Thầy thuốc Việt Nam (27/02/2025) đảm bảo thiết thực, hiệu quả, phù hợp với "
            "tình hình.",
        ),
        (
            "Trung tâm Y tế khu vực Sông Trà",
            "TTYT-KV3",
            "Đề xuất cấp có thẩm quyền khen thưởng cho tập thể và cá nhân có thành tích trong việc thực hiện "
            "phong "
            "trào thi đua bảo đảm đúng quy định, kịp thời, công khai, minh bạch.",
        ),
    ),
    closing=(
        "Đề nghị các khoa, phòng, trạm y tế xã, thị trấn triển khai sâu rộng phong trào thi đua "
        f"“{SEVENTY_YEARS}”, "
        "chuẩn bị cho công tác thực hiện Đại hội Thi đua yêu nước cấp cơ sở, góp phần thực hiện thắng lợi "
        "nhiệm vụ "
        "ngành Y tế được giao giai đoạn năm 2024 - 2025./."
    ),
    distribution="Các khoa, phòng, trạm y tế xã, thị trấn;\nLưu: VT, TCHC&TCKT.",
)

STATION_70_YEARS = SeedPlan(
    key="station_70_years",
    source="constructed",
    unit="TYT-KV3-01",
    parent="ttyt_kv3_70_years",
    kind="phase",
    state="closed",
    name="Đợt thi đua cao điểm chào mừng 70 năm Ngày Thầy thuốc Việt Nam tại Trạm Y tế xã Trà Bình",
    theme=SEVENTY_YEARS,
    start=D(2025, 1, 2),
    end=D(2025, 3, 31),
    number=3,
    symbol="KH-TYT",
    issued_on=D(2024, 12, 30),
    place="Trà Bình",
    issuer_parent="TRUNG TÂM Y TẾ KHU VỰC SÔNG TRÀ",
    issuer_name="TRẠM Y TẾ XÃ TRÀ BÌNH",
    signer_title="TRƯỞNG TRẠM",
    signer_name="Phạm Thị Thu",
    phases=(
        SeedPhase(
            "Đợt cao điểm",
            D(2025, 1, 2),
            D(2025, 3, 31),
            "Chào mừng 70 năm Ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/2025)",
            commemorations=("party_founding", "physicians_day"),
        ),
    ),
    targets=(
        SeedTarget(
            "Viên chức của trạm ký cam kết thực hiện Quy tắc ứng xử", "%", "eq", "100", "once", "issuer"
        ),
        SeedTarget("Buổi truyền thông giáo dục sức khỏe tại thôn, ấp", "buổi", "gte", "6", "once", "issuer"),
    ),
    distribution="Trung tâm Y tế khu vực Sông Trà (để báo cáo);\nLưu: Trạm.",
)

# ---------------------------------------------------------------------------------------------
# Derived plans of hospitals and centres under the Sở's 2025 plans (constructed)
# ---------------------------------------------------------------------------------------------

BVDK_2025 = SeedPlan(
    key="bvdk_2025",
    source="constructed",
    unit="BVDK",
    parent="so_2025",
    kind="regular",
    name="Triển khai phong trào thi đua yêu nước năm 2025 tại Bệnh viện Đa khoa tỉnh Bình An",
    theme="Làm gương, kỷ cương, trọng tâm, bứt phá – Người bệnh là trung tâm",
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    number=178,
    symbol="KH-BVĐK",
    issued_on=D(2025, 5, 28),
    place="Bình An",
    issuer_parent=SO,
    issuer_name="BỆNH VIỆN ĐA KHOA TỈNH BÌNH AN",
    signer_title="GIÁM ĐỐC",
    signer_name="Võ Quốc Bảo",
    officer="bvdk.thidua",
    purposes=(
        "Cụ thể hóa Kế hoạch số 93/KH-SYT của Sở Y tế tại Bệnh viện, gắn với nâng cao chất lượng bệnh viện."
    ),
    phases=(
        SeedPhase(
            "Đợt 1",
            D(2025, 1, 1),
            D(2025, 6, 30),
            "Thi đua chào mừng 70 năm Ngày Thầy thuốc Việt Nam và 135 năm Ngày sinh Chủ tịch Hồ Chí Minh",
            commemorations=("physicians_day", "ho_chi_minh_birthday"),
        ),
        SeedPhase(
            "Đợt 2",
            D(2025, 7, 1),
            D(2025, 12, 31),
            "Thi đua cao điểm hoàn thành toàn diện nhiệm vụ năm 2025",
            commemorations=("national_day",),
        ),
    ),
    targets=(
        SeedTarget(
            "Viên chức, người lao động xếp loại hoàn thành tốt nhiệm vụ trở lên",
            "%",
            "gte",
            "90",
            kind="computed",
            computation="staff_rated_good_share",
        ),
        SeedTarget(
            "Khoa, phòng ban hành kế hoạch thi đua của khoa, phòng",
            "%",
            "eq",
            "100",
            kind="computed",
            computation="derived_plan_issued",
        ),
        SeedTarget(
            "Sáng kiến cải tiến kỹ thuật được Hội đồng khoa học công nhận", "sáng kiến", "gte", "1", "yearly"
        ),
        SeedTarget(
            "Tỷ lệ hài lòng của người bệnh nội trú", "%", "gte", "90", "quarterly", "named_unit", "BVDK-QLCL"
        ),
    ),
    responsibilities=(
        (
            "Phòng Tổ chức – Hành chính",
            "BVDK-TCHC",
            "Theo dõi, tổng hợp, báo cáo kết quả thi đua; tham mưu Hội đồng Thi đua – Khen thưởng Bệnh viện.",
        ),
        (
            "Phòng Quản lý chất lượng",
            "BVDK-QLCL",
            "Khảo sát, báo cáo hằng quý tỷ lệ hài lòng của người bệnh.",
        ),
    ),
    distribution="Sở Y tế (để báo cáo);\nBan Giám đốc;\nCác khoa, phòng;\nLưu: VT, TCHC.",
)

HSTC_2025 = SeedPlan(
    key="hstc_2025",
    source="constructed",
    unit="BVDK-HSTC",
    parent="bvdk_2025",
    kind="regular",
    name="Kế hoạch thi đua năm 2025 của Khoa Hồi sức tích cực – Chống độc",
    theme="Người bệnh là trung tâm",
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    number=2,
    symbol="KH-HSTC",
    issued_on=D(2025, 6, 5),
    place="Bình An",
    issuer_parent="BỆNH VIỆN ĐA KHOA TỈNH BÌNH AN",
    issuer_name="KHOA HỒI SỨC TÍCH CỰC – CHỐNG ĐỘC",
    signer_title="TRƯỞNG KHOA",
    signer_name="Lương Văn Đạt",
    officer="bvdk.thidua",
    targets=(
        SeedTarget(
            "Điều dưỡng được tập huấn lại quy trình chăm sóc người bệnh thở máy",
            "%",
            "eq",
            "100",
            "half_yearly",
            "issuer",
        ),
    ),
    distribution="Phòng Tổ chức – Hành chính;\nLưu: Khoa.",
)

BVSN_2025 = SeedPlan(
    key="bvsn_2025",
    source="constructed",
    unit="BVSN",
    parent="so_2025",
    kind="regular",
    name="Triển khai phong trào thi đua yêu nước năm 2025 tại Bệnh viện Sản – Nhi tỉnh Bình An",
    theme="Vì sức khỏe bà mẹ và trẻ em",
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    number=64,
    symbol="KH-BVSN",
    issued_on=D(2025, 6, 2),
    place="Bình An",
    issuer_parent=SO,
    issuer_name="BỆNH VIỆN SẢN – NHI TỈNH BÌNH AN",
    signer_title="GIÁM ĐỐC",
    signer_name="Trương Thị Mai",
    targets=(
        SeedTarget("Sản phụ được tư vấn nuôi con bằng sữa mẹ", "%", "gte", "95", "quarterly"),
        SeedTarget("Sáng kiến cải tiến kỹ thuật được công nhận", "sáng kiến", "gte", "1", "yearly"),
    ),
    distribution="Sở Y tế (để báo cáo);\nCác khoa, phòng;\nLưu: VT, TCHC.",
)

KV7_PEAK_2025 = SeedPlan(
    key="kv7_peak_2025",
    source="constructed",
    unit="TTYT-KV7",
    parent="council_2025",
    kind="phase",
    name=(
        "Đợt thi đua cao điểm chào mừng 80 năm Cách mạng tháng Tám và Quốc khánh 2/9, 96 năm Ngày thành lập "
        "Công "
        "đoàn Việt Nam"
    ),
    theme="Thi đua cao điểm hoàn thành toàn diện và vượt mức chỉ tiêu nhiệm vụ năm 2025",
    start=D(2025, 7, 1),
    end=D(2025, 9, 30),
    number=12,
    symbol="KH-TTYT",
    issued_on=D(2025, 7, 3),
    place="Hải Long",
    issuer_parent=SO,
    issuer_name="TRUNG TÂM Y TẾ KHU VỰC HẢI LONG",
    signer_title="GIÁM ĐỐC",
    signer_name="Hoàng Văn Lực",
    officer="ttyt.thidua",
    phases=(
        SeedPhase(
            "Đợt 2 (theo kế hoạch của Hội đồng TĐKT ngành)",
            D(2025, 7, 1),
            D(2025, 9, 30),
            "Thi đua cao điểm hoàn thành toàn diện và vượt mức chỉ tiêu nhiệm vụ năm 2025",
            "Kỷ niệm 80 năm Cách mạng tháng Tám (19/8/1945 - 19/8/2025), Quốc khánh (02/9/1945 - 02/9/2025) "
            "và 96 năm "
            "thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2025).",
            ("trade_union_founding", "august_revolution", "national_day"),
        ),
    ),
    targets=(
        SeedTarget(
            "Khoa, phòng, trạm y tế đăng ký công trình, phần việc chào mừng",
            "%",
            "eq",
            "100",
            "once",
            "issuer",
        ),
        SeedTarget(
            "Công trình, phần việc được gắn biển chào mừng", "công trình", "gte", "3", "once", "issuer"
        ),
    ),
    distribution="Sở Y tế (để báo cáo);\nCông đoàn ngành;\nCác khoa, phòng, trạm y tế;\nLưu: VT, TCHC.",
)

KV1_DRAFT_2025 = SeedPlan(
    key="kv1_draft_2025",
    source="constructed",
    unit="TTYT-KV1",
    parent="so_2025",
    kind="regular",
    state="draft",
    name="Triển khai Chỉ thị số 06/CT-UBND năm 2025 tại Trung tâm Y tế khu vực Bình An (dự thảo)",
    theme="Làm gương, kỷ cương, trọng tâm, bứt phá",
    start=D(2025, 1, 1),
    end=D(2025, 12, 31),
    symbol="KH-TTYT",
    issued_on=D(2025, 6, 10),
    place="Bình An",
    issuer_parent=SO,
    issuer_name="TRUNG TÂM Y TẾ KHU VỰC BÌNH AN",
    signer_title="GIÁM ĐỐC",
    signer_name="Phan Văn Thành",
    targets=(SeedTarget("Viên chức ký cam kết thi đua", "%", "eq", "100", "half_yearly"),),
    reports=False,
)

# In creation order: every parent before its children.
SEED_PLANS: tuple[SeedPlan, ...] = (
    SO_2024,
    COUNCIL_2025,
    SO_2025,
    TTYT_KV4_2025,
    SO_70_YEARS,
    TTYT_KV3_70_YEARS,
    STATION_70_YEARS,
    BVDK_2025,
    HSTC_2025,
    BVSN_2025,
    KV7_PEAK_2025,
    KV1_DRAFT_2025,
)
