from tdkt.core.text import fold, name_sort_key, sort_key, split_name, title_case_name


def test_fold_strips_every_vietnamese_mark_and_dd():
    assert fold("  Nguyễn   Thị Hoà  ĐẶNG Ưng ") == "nguyen thi hoa dang ung"


def test_split_name_takes_family_first_and_given_last():
    assert split_name("Nguyễn Thị Thu Hoa") == ("Nguyễn", "Thị Thu", "Hoa")
    assert split_name("Hoa") == ("", "", "Hoa")
    assert split_name("Lê Bình") == ("Lê", "", "Bình")


def test_names_sort_by_given_name_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Thị Hoa", "Lê Văn An", "Nguyễn Văn An", "Phạm Anh"]
    assert sorted(names, key=name_sort_key) == [
        "Lê Văn An",
        "Nguyễn Văn An",
        "Phạm Anh",
        "Trần Văn Bình",
        "Nguyễn Thị Hoa",
    ]


def test_vietnamese_letters_follow_their_base_letter():
    # a < ă < â < b, d < đ < e, o < ô < ơ < p, u < ư < v
    words = ["b", "â", "ă", "a", "e", "đ", "d", "p", "ơ", "ô", "o", "v", "ư", "u"]
    assert sorted(words, key=sort_key) == [
        "a",
        "ă",
        "â",
        "b",
        "d",
        "đ",
        "e",
        "o",
        "ô",
        "ơ",
        "p",
        "u",
        "ư",
        "v",
    ]


def test_tones_only_break_ties_between_the_same_letters():
    assert sorted(["Hòa", "Hoa", "Hóa", "Hoan"], key=sort_key) == ["Hoa", "Hòa", "Hóa", "Hoan"]


def test_sort_keys_are_digits_so_every_database_orders_them_alike():
    assert name_sort_key("Nguyễn Thị Hoa").isdigit()


def test_title_case_name_fixes_capitals():
    assert title_case_name("NGUYỄN thị  hoa") == "Nguyễn Thị Hoa"
