import pytest

from notification.sms_encoding import plan


def septets(text: str) -> int:
    return len(text.encode("gsm03.38"))


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("a" * 160, "gsm7", 1),
        ("a" * 161, "gsm7", 2),
        ("a" * 306, "gsm7", 2),
        ("a" * 307, "gsm7", 3),
        ("€" * 80, "gsm7", 1),  # an extension character takes two septets
        ("€" * 81, "gsm7", 2),
        ("Ж" * 70, "ucs2", 1),
        ("Ж" * 71, "ucs2", 2),
        ("你" * 134, "ucs2", 2),
        ("你" * 135, "ucs2", 3),
        ("Dutch ë leaves GSM", "ucs2", 1),
    ],
)
def test_encoding_and_segment_count(text, encoding, segments):
    result = plan(text)
    assert (result.encoding, len(result.segments)) == (encoding, segments)
    assert "".join(result.segments) == text


def test_gsm_parts_hold_153_septets_and_never_split_an_escape():
    text = "a" + "€" * 200  # every part boundary falls next to a two-septet character
    result = plan(text)
    assert all(septets(part) <= 153 for part in result.segments)
    assert "".join(result.segments) == text
    assert result.coding == 0


def test_ucs2_parts_hold_67_code_units_and_never_split_a_surrogate_pair():
    text = "x" + "🙂" * 70  # each emoji is two UTF-16 code units
    result = plan(text)
    assert result.encoding == "ucs2" and result.coding == 2
    assert all(len(part.encode("utf-16-be")) <= 134 for part in result.segments)
    assert all(part.encode("utf-16-be").decode("utf-16-be") == part for part in result.segments)
    assert "".join(result.segments) == text
