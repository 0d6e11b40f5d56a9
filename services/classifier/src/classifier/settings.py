from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.settings import ServiceSettings


class ClassifierSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="OMBUD_CLASSIFIER_")

    port: int = 8002
    mongo_database: str = "ombud_classifier"
    # Below this confidence a decision is marked for a person in triage to check.
    review_threshold: float = Field(0.5, gt=0, lt=1)
    # A submission is rejected at initial review only when the model is at least this sure.
    reject_threshold: float = Field(0.6, gt=0, lt=1)
