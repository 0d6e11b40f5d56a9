"""How a complaint's text is normalised before anything reads it.

Users write "pleeeease", full-width letters, traditional and simplified Chinese, links and phone
numbers; normalising these lets one model and one set of safety rules see them alike.
"""

import re
import unicodedata

import opencc

_CJK = re.compile(r"[\u3400-\u9fff]")
_URL = re.compile(r"(https?://\S+|www\.\S+|\S+\s?\.\s?(com|shop|net|org|nl|ru|me)\b)")
_HANDLE = re.compile(r"@\w+")
_LONG_REPEAT = re.compile(r"(.)\1{2,}")
_DIGITS = re.compile(r"\d")


class Normaliser:
    """Holds the traditional-to-simplified converter, built once per process."""

    def __init__(self) -> None:
        self._to_simplified = opencc.OpenCC("t2s")

    def __call__(self, text: str) -> str:
        text = unicodedata.normalize("NFKC", text).lower()
        if _CJK.search(text):
            text = self._to_simplified.convert(text)
        text = _URL.sub(" link ", text)
        text = _HANDLE.sub(" @user ", text)
        # "pleeeease" and "!!!!!!" carry the same signal as two of a kind.
        text = _LONG_REPEAT.sub(r"\1\1", text)
        # Ages and amounts generalise better as shapes: "12 year old" and "11 year old" alike.
        return _DIGITS.sub("0", text)


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())
