"""Moving and reading a consumer group's committed offsets, as an operator replaying a topic."""

import asyncio
import time

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient


async def _partitions(bootstrap: str, topics: tuple[str, ...]) -> list[TopicPartition]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics(list(topics))
    finally:
        await admin.close()
    return [
        TopicPartition(topic["topic"], partition["partition"])
        for topic in described
        for partition in topic["partitions"]
    ]


async def _rewind(bootstrap: str, group: str, topics: tuple[str, ...]) -> None:
    partitions = await _partitions(bootstrap, topics)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.commit({partition: 0 for partition in partitions})
    finally:
        await consumer.stop()


async def _lag(bootstrap: str, group: str, topics: tuple[str, ...]) -> int:
    partitions = await _partitions(bootstrap, topics)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    # Given the group id but never subscribed, it reads end offsets without joining the group.
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False
    )
    await admin.start()
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
        ends = await consumer.end_offsets(partitions)
        return sum(ends[p] - (committed[p].offset if p in committed else 0) for p in partitions)
    finally:
        await consumer.stop()
        await admin.close()


def rewind_to_start(bootstrap: str, group: str, topics: tuple[str, ...]) -> None:
    """Commit offset 0 on every partition; the group must have no running member."""
    asyncio.run(_rewind(bootstrap, group, topics))


def wait_until_caught_up(
    bootstrap: str, group: str, topics: tuple[str, ...], timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if asyncio.run(_lag(bootstrap, group, topics)) == 0:
            return
        time.sleep(0.5)
    raise AssertionError(f"{group} did not catch up on {topics} within {timeout}s")
