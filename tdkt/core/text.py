"""Vietnamese text: accent folding for search, dictionary order for names, name parts."""

import unicodedata
from functools import lru_cache

# Vietnamese alphabet order (Bộ GD&ĐT): ă and â follow a, đ follows d, ê follows e,
# ô and ơ follow o, ư follows u. Tones sort after the letter, in the order
# none, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz0123456789"
_RANK = {ch: i + 10 for i, ch in enumerate(_ALPHABET)}  # two digits each, 10..54
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def normalize_spaces(text: str) -> str:
    return " ".join((text or "").split())


def fold(text: str) -> str:
    """Lower-case, strip every diacritic (đ → d) and collapse spaces: "Nguyễn  Thị" → "nguyen thi"."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return normalize_spaces(stripped)


@lru_cache(maxsize=20_000)  # names reuse a few thousand words; imports sort-key every row
def _letters_and_tones(word: str) -> tuple[str, str]:
    """Primary key (letters incl. ă â đ ê ô ơ ư) and secondary key (tones) of one word."""
    primary: list[str] = []
    tones: list[str] = []
    for ch in word.lower():
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
        rank = _RANK.get(letter) or _RANK.get(base)
        if rank is None:
            continue  # punctuation and anything outside the alphabet does not order names
        primary.append(f"{rank:02d}")
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        tones.append(str(tone))
    return "".join(primary), "".join(tones)


def sort_key(*parts: str) -> str:
    """A digits-only key whose plain string order is Vietnamese dictionary order of the parts.

    Digits only, so that SQLite and PostgreSQL (any collation) order it the same way.
    Each part is compared on letters first; tones only break ties, as in dictionaries.
    """
    primaries, secondaries = [], []
    for part in parts:
        p_words, s_words = [], []
        for word in normalize_spaces(part).split(" "):
            p, s = _letters_and_tones(word)
            p_words.append(p)
            s_words.append(s)
        primaries.append("01".join(p_words))  # "01" (word gap) sorts before any letter
        secondaries.append("".join(s_words))
    return "00".join(primaries) + "00" + "".join(secondaries)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given): "Nguyễn Thị Thu Hoa" → ("Nguyễn", "Thị Thu", "Hoa")."""
    words = normalize_spaces(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """Order of Vietnamese name lists: given name, then middle name, then family name."""
    family, middle, given = split_name(full_name)
    return sort_key(given, middle, family)


def title_case_name(full_name: str) -> str:
    """ "NGUYỄN thị  hoa" → "Nguyễn Thị Hoa"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in normalize_spaces(full_name).split(" ") if w)
