"""Proof that a caller is the reporter of a complaint, without storing or sending secrets around.

The access code is an HMAC of the complaint id under a key that intake, notification and
archive share: intake returns it, notification mails it, archive checks it, and no event carries it.
Contacts are kept as keyed fingerprints so the archive can check "the contact given at
submission" without a readable copy of it.
"""

import base64
import hashlib
import hmac


def access_code(*, key: str, complaint_id: str) -> str:
    digest = hmac.new(key.encode(), complaint_id.encode(), hashlib.sha256).digest()
    code = base64.b32encode(digest).decode()[:16]
    return "-".join(code[i : i + 4] for i in range(0, 16, 4))


def is_valid_access_code(*, key: str, complaint_id: str, candidate: str) -> bool:
    expected = access_code(key=key, complaint_id=complaint_id)
    normalised = candidate.strip().upper()
    return hmac.compare_digest(expected.encode(), normalised.encode())


def contact_fingerprint(*, key: str, contact: str) -> str:
    normalised = contact.strip().lower().replace(" ", "")
    return hmac.new(key.encode(), b"contact:" + normalised.encode(), hashlib.sha256).hexdigest()
