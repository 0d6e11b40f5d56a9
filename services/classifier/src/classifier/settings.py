from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class ClassifierSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_CLASSIFIER_")

    port: int = 8002
    mongo_database: str = "ombud_classifier"
