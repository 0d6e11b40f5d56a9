"""`ombud-classify` as an evaluation harness runs it: JSONL in, JSONL out, in order."""

import json
import subprocess
import sys
from pathlib import Path

COMMAND = Path(sys.executable).with_name("ombud-classify")


def classify(*lines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND)],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_one_decision_per_line_in_order():
    result = classify(
        json.dumps({"text": "Iemand pest mij elke dag in de reacties onder mijn video's."}),
        json.dumps({"text": "Мой аккаунт взломали, кто-то сменил пароль", "language": "ru"}),
        json.dumps(
            {
                "text": "look at this",
                "channel": "app",
                "reported_object_type": "account",
                "category_hint": "spam",
            }
        ),
    )
    assert result.returncode == 0, result.stderr
    first, second, third = map(json.loads, result.stdout.splitlines())
    assert (first["category"], first["language"]) == ("content", "nl")
    assert (second["category"], second["language"]) == ("account", "ru")
    assert third["subcategory"] == "spam_scam"
    for output in (first, second, third):
        assert {"category", "subcategory", "priority", "language", "confidence"} <= output.keys()


def test_a_bad_line_gets_an_error_line_and_the_rest_are_still_classified():
    result = classify(
        "this is not json",
        json.dumps({"txt": "wrong field"}),
        json.dumps({"text": "I want to end my life"}),
    )
    assert result.returncode == 1
    broken, missing, good = map(json.loads, result.stdout.splitlines())
    assert broken["line"] == 1 and "JSON" in broken["error"]
    assert missing["line"] == 2 and "text" in missing["error"]
    assert good["priority"] == "P1"
    assert "2 line(s)" in result.stderr


def test_junk_is_reported_as_rejected_with_its_reason():
    result = classify(json.dumps({"text": "🙂🙂🙂"}))
    [output] = map(json.loads, result.stdout.splitlines())
    assert output["rejected"] == "junk"
    assert output["category"] is None and output["reason"]
