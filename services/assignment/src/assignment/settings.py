from pathlib import Path

from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class AssignmentSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_ASSIGNMENT_")

    port: int = 8003
    mongo_database: str = "ombud_assignment"
    directory_file: Path = Path(__file__).with_name("directory.json")
