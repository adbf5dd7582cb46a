"""The job queue interface and its two backends."""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from .store import PENDING_SECONDS, JobStatus, MemoryStore, RedisStore
from .tasks import run_job, run_job_rq


def new_job_id() -> str:
    # 192 bits: the link is the only key to a result, so it must be unguessable.
    return secrets.token_urlsafe(24)


class JobQueue:
    """submit() returns a job id; status(), result() and delete() look it up."""

    store: MemoryStore | RedisStore

    def submit(self, files: list[tuple[bytes, str]], today: date | None = None,
               glossary=None) -> str:
        raise NotImplementedError

    def status(self, job_id: str) -> JobStatus | None:
        return self.store.get_status(job_id)

    def result(self, job_id: str):
        return self.store.get_result(job_id)

    def delete(self, job_id: str) -> bool:
        return self.store.delete(job_id)


class InProcessQueue(JobQueue):
    """A pool of worker threads in the web process (Tesseract runs in its own
    processes, so threads are enough to keep the cores busy)."""

    def __init__(self, ttl: int, workers: int = 2, time_limit: float = 120):
        self.store = MemoryStore(ttl)
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="letter-job")
        self.time_limit = time_limit

    def submit(self, files: list[tuple[bytes, str]], today: date | None = None,
               glossary=None) -> str:
        job_id = new_job_id()
        self.store.set_status(job_id, JobStatus("queued", 0.0, "Je brief staat in de rij."))
        self.pool.submit(run_job, self.store, job_id, files, today, self.time_limit, glossary)
        return job_id


class RQQueue(JobQueue):
    """RQ on Redis: web servers enqueue, `letter-simplifier worker` processes run them."""

    QUEUE = "letters"

    def __init__(self, redis_url: str, ttl: int, time_limit: float = 120):
        from rq import Queue

        self.store = RedisStore(redis_url, ttl)
        self.redis_url = redis_url
        self.ttl = ttl
        self.time_limit = time_limit
        self.queue = Queue(self.QUEUE, connection=self.store.redis)

    def submit(self, files: list[tuple[bytes, str]], today: date | None = None,
               glossary=None) -> str:
        # `glossary` stays here: the worker reads the published one from the database.
        job_id = new_job_id()
        self.store.set_status(job_id, JobStatus("queued", 0.0, "Je brief staat in de rij."))
        # RQ keeps no result and no failure record of its own: the uploads must not
        # outlive the job in Redis. Our store holds what the user needs, with a TTL.
        self.queue.enqueue(run_job_rq, self.redis_url, self.ttl, job_id, files, today,
                           self.time_limit, job_timeout=int(self.time_limit) + 30,
                           result_ttl=0, failure_ttl=60, ttl=PENDING_SECONDS)
        return job_id


def make_queue(redis_url: str | None, ttl: int, workers: int = 2,
               time_limit: float = 120) -> JobQueue:
    if redis_url:
        return RQQueue(redis_url, ttl, time_limit)
    return InProcessQueue(ttl, workers, time_limit)
