from shared.access import access_code, contact_fingerprint, is_valid_access_code

KEY = "unit-test-key-0123456789"


def test_an_access_code_opens_its_own_complaint_only():
    code = access_code(key=KEY, complaint_id="c-1")
    assert is_valid_access_code(key=KEY, complaint_id="c-1", candidate=code)
    assert is_valid_access_code(key=KEY, complaint_id="c-1", candidate=f" {code.lower()} ")
    assert not is_valid_access_code(key=KEY, complaint_id="c-2", candidate=code)
    assert not is_valid_access_code(
        key="another-key-0123456789", complaint_id="c-1", candidate=code
    )


def test_contact_fingerprints_ignore_case_and_spacing_but_not_the_key():
    one = contact_fingerprint(key=KEY, contact="Anna@Example.com ")
    assert one == contact_fingerprint(key=KEY, contact="anna@example.com")
    assert one != contact_fingerprint(key="another-key-0123456789", contact="anna@example.com")
    assert "anna" not in one
