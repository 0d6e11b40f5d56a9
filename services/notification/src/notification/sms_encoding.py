"""How a text travels as SMS: GSM 03.38 7-bit when every character has a GSM code, else UCS-2;
cut into the segments of a concatenated SMS when it does not fit in one.

One SMS carries 140 octets: 160 GSM septets or 70 UCS-2 code units. A concatenated SMS spends
6 octets of each part on its header, leaving 153 septets or 67 code units. A GSM extension
character (€, [, ], ...) takes two septets, an escape and the character, which must stay in
the same part; so must the two halves of a UTF-16 surrogate pair (emoji).
"""

from dataclasses import dataclass
from typing import Literal

import gsm0338  # noqa: F401 - registers the "gsm03.38" codec

Encoding = Literal["gsm7", "ucs2"]

SINGLE = {"gsm7": 160, "ucs2": 70}
PART = {"gsm7": 153, "ucs2": 67}


@dataclass(frozen=True)
class SmsPlan:
    encoding: Encoding
    segments: tuple[str, ...]

    @property
    def coding(self) -> int:
        """The data coding scheme's alphabet as SMS gateways name it: 0 GSM 7-bit, 2 UCS-2."""
        return 0 if self.encoding == "gsm7" else 2


def _units(character: str, encoding: Encoding) -> int:
    if encoding == "gsm7":
        return len(character.encode("gsm03.38"))
    return len(character.encode("utf-16-be")) // 2


def encoding_for(text: str) -> Encoding:
    try:
        text.encode("gsm03.38")
    except UnicodeEncodeError:
        return "ucs2"
    return "gsm7"


def plan(text: str) -> SmsPlan:
    """The encoding and the parts `text` is sent in; each part fits one SMS with its header."""
    encoding = encoding_for(text)
    if sum(_units(c, encoding) for c in text) <= SINGLE[encoding]:
        return SmsPlan(encoding, (text,))
    segments: list[str] = []
    current: list[str] = []
    used = 0
    for character in text:  # whole characters, so escapes and surrogate pairs are never cut
        units = _units(character, encoding)
        if used + units > PART[encoding]:
            segments.append("".join(current))
            current, used = [], 0
        current.append(character)
        used += units
    segments.append("".join(current))
    return SmsPlan(encoding, tuple(segments))
