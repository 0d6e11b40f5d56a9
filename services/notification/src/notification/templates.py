"""Messages rendered from Jinja2 files a non-programmer can edit: templates/<language>/<kind>.*

Per kind and language: `.subject.j2` and `.txt.j2` (the email), and `.sms.j2` for those that may
go by SMS. The HTML part of every email is the text set in `templates/layout.html.j2`, escaped.
Each language's `_phrases.j2` holds the words for coded values (outcomes, decisions, ...).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATE_DIR = Path(__file__).with_name("templates")
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    text: str
    html: str
    sms: str | None


class Templates:
    def __init__(self, directory: Path = TEMPLATE_DIR) -> None:
        self._directory = directory
        self._env = Environment(
            loader=FileSystemLoader(directory),
            # Escaped wherever the output is HTML; a missing variable is an error, not a blank.
            autoescape=select_autoescape(["html", "html.j2"]),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
        )
        self.languages = frozenset(p.name for p in directory.iterdir() if p.is_dir())

    def language_for(self, requested: str | None, kind: str) -> str:
        """The requested language ('nl-BE' counts as 'nl') if it has this template, else English."""
        primary = (requested or "").split("-")[0].lower()
        if primary in self.languages and (self._directory / primary / f"{kind}.txt.j2").exists():
            return primary
        return FALLBACK_LANGUAGE

    def render(self, kind: str, *, language: str | None, values: Mapping[str, object]) -> Rendered:
        chosen = self.language_for(language, kind)
        context = {**values, "phrases": self._env.get_template(f"{chosen}/_phrases.j2").module}
        subject = " ".join(self._render(f"{chosen}/{kind}.subject.j2", context).split())
        text = self._render(f"{chosen}/{kind}.txt.j2", context)
        html = self._render(
            "layout.html.j2",
            {"language": chosen, "subject": subject, "paragraphs": text.strip().split("\n\n")},
        )
        sms_name = f"{chosen}/{kind}.sms.j2"
        sms = (
            " ".join(self._render(sms_name, context).split())
            if (self._directory / sms_name).exists()
            else None
        )
        return Rendered(language=chosen, subject=subject, text=text, html=html, sms=sms)

    def _render(self, name: str, context: Mapping[str, object]) -> str:
        return self._env.get_template(name).render(context)
