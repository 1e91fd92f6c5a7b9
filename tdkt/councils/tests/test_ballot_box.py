"""The sealed ballot box: fixed size, new at each seal, bound to its ballot, opened after a key rotation."""

import pytest

from tdkt.councils.ballot_box import BoxError, Counts, seal, unseal


def test_a_box_opens_to_the_counts_it_was_sealed_with():
    counts = Counts().plus("agree").plus("agree").plus("abstain")
    assert unseal(seal(counts, ballot_id=7), ballot_id=7) == Counts(agree=2, disagree=0, abstain=1)
    assert counts.total == 3


def test_the_same_counts_never_seal_the_same_way_and_the_size_never_changes():
    boxes = [seal(Counts(agree=n), ballot_id=7) for n in (9, 9, 10, 1000)]
    assert len(set(boxes)) == 4
    assert {len(b) for b in boxes} == {len(seal(Counts(), ballot_id=7))}


def test_a_box_does_not_open_on_another_ballot_nor_once_altered():
    box = seal(Counts(agree=1), ballot_id=7)
    with pytest.raises(BoxError):
        unseal(box, ballot_id=8)
    altered = bytearray(box)
    altered[-1] ^= 1
    with pytest.raises(BoxError):
        unseal(bytes(altered), ballot_id=7)


def test_a_box_sealed_before_a_key_rotation_opens_with_the_fallback_key(settings):
    box = seal(Counts(disagree=2), ballot_id=3)
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-for-tdkt-that-is-long-enough"
    with pytest.raises(BoxError):
        unseal(box, ballot_id=3)
    settings.SECRET_KEY_FALLBACKS = [old]
    assert unseal(box, ballot_id=3) == Counts(disagree=2)


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError, match="maybe"):
        Counts().plus("maybe")
