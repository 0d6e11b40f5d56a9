"""Kafka and the MongoDB-compatible store for the end-to-end tests.

With a Docker engine: the official apache/kafka and mongo images through testcontainers.
Without one (as on the build machines): the local stack's Kafka jars and FerretDB.
The tests are the same either way.
"""

import contextlib
from collections.abc import Iterator

from ombud_stack.config import StackConfig


def docker_engine_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:
        return False
    return True


@contextlib.contextmanager
def containers(config: StackConfig) -> Iterator[None]:
    """apache/kafka (KRaft, one node) and mongo, on the ports the stack config names."""
    from testcontainers.core.container import DockerContainer
    from testcontainers.core.waiting_utils import wait_for_logs

    port = config.kafka_port
    kafka = (
        DockerContainer("apache/kafka:4.1.1")
        .with_bind_ports(port, port)
        .with_env("KAFKA_NODE_ID", "1")
        .with_env("KAFKA_PROCESS_ROLES", "broker,controller")
        .with_env("KAFKA_LISTENERS", f"PLAINTEXT://:{port},CONTROLLER://:9093")
        .with_env("KAFKA_ADVERTISED_LISTENERS", f"PLAINTEXT://127.0.0.1:{port}")
        .with_env("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
        .with_env(
            "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
        )
        .with_env("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093")
        .with_env("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .with_env("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .with_env("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
    )
    mongo = DockerContainer("mongo:8").with_bind_ports(27017, config.mongo_port)
    with kafka, mongo:
        wait_for_logs(kafka, "Kafka Server started", timeout=120)
        wait_for_logs(mongo, "Waiting for connections", timeout=120)
        yield
