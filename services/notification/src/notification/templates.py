"""Messages rendered from Jinja2 files a non-programmer can edit: templates/<language>/<kind>.*"""

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
        subject = self._env.get_template(f"{chosen}/{kind}.subject.j2").render(values)
        text = self._env.get_template(f"{chosen}/{kind}.txt.j2").render(values)
        return Rendered(language=chosen, subject=" ".join(subject.split()), text=text)
