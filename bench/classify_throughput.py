"""Classification throughput on one core: the service's path (one complaint at a time) and the
batch path of `ombud-classify`, over the held-out complaints repeated.

Run with `make bench`. BLAS and OpenMP are held to one thread so the number is per core.
"""

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import time  # noqa: E402 - the thread limits must be set before NumPy loads

from classifier import dataset  # noqa: E402
from classifier.classification import Classifier, ComplaintText  # noqa: E402

TARGET = 2000  # complaints per second on one core
ROUNDS = 10


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    classifier = Classifier.load()
    complaints = [
        ComplaintText(
            text=e.text,
            channel=e.channel,
            reported_object_type=e.reported_object_type,
            category_hint=e.category_hint,
        )
        for e in dataset.read(dataset.HELDOUT)
    ] * ROUNDS
    classifier.classify_many(complaints[:50])  # warm up

    start = time.perf_counter()
    for complaint in complaints:
        classifier.classify(complaint)
    one_by_one = len(complaints) / (time.perf_counter() - start)

    start = time.perf_counter()
    for i in range(0, len(complaints), 256):
        classifier.classify_many(complaints[i : i + 256])
    batched = len(complaints) / (time.perf_counter() - start)

    print(f"classifier {classifier.model.version}, {len(complaints)} complaints, one core")
    print(f"  one at a time (the service): {one_by_one:8.0f} complaints/s")
    print(f"  batches of 256 (ombud-classify): {batched:8.0f} complaints/s")
    verdict = "met" if min(one_by_one, batched) >= TARGET else "NOT met"
    print(f"  target {TARGET} complaints/s: {verdict}")


if __name__ == "__main__":
    main()
