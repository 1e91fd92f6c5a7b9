"""Pledge texts: what a round starts with, and the exact text a party signs with its hash.

The text signed is the heading and the body of the level's text; the parties are the pledge's own
rows, which no later sync changes once anyone has signed. The defaults follow the wording of the
seed plans (Kế hoạch 001: "ký cam kết với Lãnh đạo các Khoa, Phòng, Trạm Y tế thực hiện tốt Quy tắc
ứng xử…"; Kế hoạch 004: "ký kết giao ước thi đua … trong Khối thi đua").
"""

import hashlib

from tdkt.movements.titles import lower_first
from tdkt.pledges.models import PledgeLevel

DEFAULT_HEADINGS = {
    PledgeLevel.STAFF: "BẢN CAM KẾT THI ĐUA CỦA VIÊN CHỨC, NGƯỜI LAO ĐỘNG",
    PledgeLevel.DEPARTMENT: "BẢN CAM KẾT THI ĐUA CỦA TRƯỞNG KHOA, PHÒNG, TRẠM Y TẾ",
    PledgeLevel.COVENANT: "GIAO ƯỚC THI ĐUA CỦA CÁC ĐƠN VỊ TRONG KHỐI",
}

DEFAULT_BODIES = {
    PledgeLevel.STAFF: (
        "Thực hiện {movement}, tôi xin cam kết với Trưởng khoa, phòng:\n"
        "1. Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước, nội quy, quy chế "
        "của đơn vị.\n"
        "2. Thực hiện tốt Quy tắc ứng xử, đổi mới phong cách, thái độ phục vụ của nhân viên y tế, hướng "
        "tới sự hài lòng của người bệnh.\n"
        "3. Hoàn thành tốt nhiệm vụ chuyên môn được giao; tích cực học tập nâng cao trình độ, tham gia "
        "sáng kiến, cải tiến kỹ thuật.\n"
        "4. Thực hiện văn hóa công sở; xây dựng môi trường y tế «Xanh – Sạch – Đẹp – An toàn»; không hút "
        "thuốc lá trong khuôn viên đơn vị.\n"
        "5. Tích cực hưởng ứng các phong trào thi đua do ngành và đơn vị phát động."
    ),
    PledgeLevel.DEPARTMENT: (
        "Thực hiện {movement}, tôi xin cam kết với Ban Giám đốc và Ban Chấp hành "
        "Công đoàn cơ sở:\n"
        "1. Lãnh đạo khoa, phòng thực hiện tốt Quy chế dân chủ ở cơ sở; Quy tắc ứng xử, đổi mới phong "
        "cách, thái độ phục vụ của nhân viên y tế.\n"
        "2. Tổ chức cho 100 % viên chức, người lao động của khoa, phòng ký cam kết thi đua.\n"
        "3. Hoàn thành từ 95 % trở lên các chỉ tiêu kế hoạch được giao.\n"
        "4. Xây dựng môi trường làm việc văn minh, chuyên nghiệp; phát hiện, nhân rộng điển hình tiên tiến "
        "trong khoa, phòng."
    ),
    PledgeLevel.COVENANT: (
        "Thực hiện {movement}, các đơn vị trong khối cùng giao ước:\n"
        "1. Thi đua hoàn thành toàn diện và vượt mức các chỉ tiêu, nhiệm vụ chuyên môn được giao.\n"
        "2. Thực hiện tốt Quy tắc ứng xử, nâng cao chất lượng dịch vụ y tế và sự hài lòng của người bệnh.\n"
        "3. Đẩy mạnh chuyển đổi số, cải cách hành chính; thực hành tiết kiệm, chống lãng phí.\n"
        "4. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; chia sẻ kinh nghiệm giữa các đơn vị trong "
        "khối."
    ),
}


def movement_phrase(name: str) -> str:
    """What the pledge says it implements: "phong trào thi đua năm 2025" for a plan named "Phát động phong
    trào thi đua năm 2025" (not "phong trào thi đua «Phát động phong trào thi đua …»"), the movement itself
    when its name is one ("Đợt thi đua …" → "đợt thi đua …"), else the plan by its name in quotes."""
    name = " ".join(name.split())
    if name.lower().startswith("phát động "):
        return lower_first(name[len("phát động ") :])
    if name.lower().startswith(("phong trào", "đợt thi đua", "cuộc vận động")):
        return lower_first(name)
    return f"kế hoạch «{name}»"


def default_text(level: str, *, movement_name: str) -> tuple[str, str]:
    """The heading and body a new round proposes for `level` (the officer edits them)."""
    return DEFAULT_HEADINGS[level], DEFAULT_BODIES[level].format(movement=movement_phrase(movement_name))


def normalise(text: str) -> str:
    """One newline style, no trailing spaces, no blank edges: what is shown is what is hashed."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def document_text(*, heading: str, body: str) -> str:
    """The exact text a party signs: the heading, a blank line, the body."""
    return f"{normalise(heading)}\n\n{normalise(body)}"


def text_to_sign(pledge, text) -> str:
    """What a party of `pledge` signs: the text frozen by its first signature, else `text` (the level's
    current `PledgeText`) as it reads now."""
    if pledge.is_frozen:
        return pledge.frozen_text
    return document_text(heading=text.heading, body=text.body)


def text_hash(text: str) -> str:
    """SHA-256 of the text (UTF-8) in hex; a party's signature names the hash it accepted."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
