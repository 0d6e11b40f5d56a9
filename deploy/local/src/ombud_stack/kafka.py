"""A real Apache Kafka broker (KRaft, one combined node) run from its Maven Central jars."""

import asyncio
import base64
import contextlib
import uuid
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from ombud_stack.config import StackConfig

_LOG4J2 = """\
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = {log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = warn
logger.state.name = state.change.logger
logger.state.level = warn
logger.server.name = kafka.server.KafkaServer
logger.server.level = info
logger.broker.name = kafka.server.BrokerServer
logger.broker.level = info
"""


def _cluster_id() -> str:
    """Kafka's base64 cluster id; never one starting with '-', which the tool reads as a flag."""
    while True:
        candidate = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not candidate.startswith("-"):
            return candidate


def server_properties(config: StackConfig, data_dir: Path) -> str:
    return "\n".join(
        [
            "process.roles=broker,controller",
            "node.id=1",
            f"listeners=PLAINTEXT://127.0.0.1:{config.kafka_port},"
            f"CONTROLLER://127.0.0.1:{config.controller_port}",
            f"advertised.listeners=PLAINTEXT://127.0.0.1:{config.kafka_port}",
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            f"controller.quorum.bootstrap.servers=127.0.0.1:{config.controller_port}",
            f"log.dirs={data_dir}",
            # Topics are created up front with enough partitions; a typo must not create one.
            "auto.create.topics.enable=false",
            f"num.partitions={config.partitions}",
            "default.replication.factor=1",
            "min.insync.replicas=1",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "",
        ]
    )


def java_command(config: StackConfig, main_class: str, *args: str) -> list[str]:
    kafka_dir = config.state_dir / "kafka"
    return [
        "java",
        "-Xms512m",
        "-Xmx1g",
        "-XX:+UseG1GC",
        f"-Dlog4j2.configurationFile={kafka_dir / 'log4j2.properties'}",
        "-cp",
        str(config.cache_dir / "kafka" / "libs" / "*"),
        main_class,
        *args,
    ]


def prepare(config: StackConfig) -> tuple[list[str], list[str]]:
    """Write the broker's files; return the storage-format and broker commands."""
    kafka_dir = config.state_dir / "kafka"
    kafka_dir.mkdir(parents=True, exist_ok=True)
    properties = kafka_dir / "server.properties"
    properties.write_text(server_properties(config, kafka_dir / "data"))
    (kafka_dir / "log4j2.properties").write_text(
        _LOG4J2.format(log=config.log_dir / "kafka-server.log")
    )
    cluster_id_file = kafka_dir / "cluster.id"
    if not cluster_id_file.exists():
        cluster_id_file.write_text(_cluster_id())
    fmt = java_command(
        config,
        "kafka.tools.StorageTool",
        "format",
        "-t",
        cluster_id_file.read_text(),
        "-c",
        str(properties),
        "--standalone",
        "--ignore-formatted",
    )
    return fmt, java_command(config, "kafka.Kafka", str(properties))


async def _create_topics(bootstrap: str, topics: tuple[str, ...], partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics if t not in existing]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(
                    [NewTopic(t, num_partitions=partitions, replication_factor=1) for t in missing]
                )
    finally:
        await admin.close()


async def _answers(bootstrap: str) -> bool:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=2_000)
    try:
        await admin.start()
        await admin.list_topics()
    except Exception:
        return False
    finally:
        await admin.close()
    return True


def answers(bootstrap: str) -> bool:
    return asyncio.run(_answers(bootstrap))


def create_topics(bootstrap: str, topics: tuple[str, ...], partitions: int) -> None:
    asyncio.run(_create_topics(bootstrap, topics, partitions))
