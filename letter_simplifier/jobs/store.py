"""Where job state and results live: process memory or Redis, always with a TTL."""

from __future__ import annotations

import pickle
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class JobStatus:
    state: str  # queued | running | done | failed
    progress: float = 0.0  # 0..1
    step: str = ""  # plain Dutch: what happens now
    error_code: str = ""
    error_message: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


# A job that waits or runs keeps its place this long; the result's own time
# (the TTL) starts when it is finished.
PENDING_SECONDS = 900


def status_ttl(status: JobStatus, ttl: float) -> float:
    return ttl if status.finished else max(ttl, PENDING_SECONDS)


class MemoryStore:
    """Job state in this process. Entries vanish after `ttl` seconds."""

    def __init__(self, ttl: int):
        self.ttl = ttl
        self._lock = threading.Lock()
        self._status: dict[str, tuple[float, JobStatus]] = {}
        self._result: dict[str, tuple[float, bytes]] = {}

    def _purge(self) -> None:
        now = time.monotonic()
        for table in (self._status, self._result):
            for key in [k for k, (expires, _) in table.items() if expires < now]:
                del table[key]

    def set_status(self, job_id: str, status: JobStatus) -> None:
        with self._lock:
            self._purge()
            self._status[job_id] = (time.monotonic() + status_ttl(status, self.ttl), status)

    def get_status(self, job_id: str) -> JobStatus | None:
        with self._lock:
            self._purge()
            entry = self._status.get(job_id)
            return entry[1] if entry else None

    def put_result(self, job_id: str, result: object) -> None:
        with self._lock:
            self._result[job_id] = (time.monotonic() + self.ttl, pickle.dumps(result))

    def get_result(self, job_id: str):
        with self._lock:
            self._purge()
            entry = self._result.get(job_id)
        return pickle.loads(entry[1]) if entry else None

    def delete(self, job_id: str) -> bool:
        with self._lock:
            found = self._status.pop(job_id, None) is not None
            self._result.pop(job_id, None)
            return found


class RedisStore:
    """Job state in Redis, shared by every web server and worker."""

    PREFIX = "letter-simplifier"

    def __init__(self, url: str, ttl: int):
        import redis

        self.url = url
        self.ttl = ttl
        self.redis = redis.Redis.from_url(url)

    def _key(self, kind: str, job_id: str) -> str:
        return f"{self.PREFIX}:{kind}:{job_id}"

    def set_status(self, job_id: str, status: JobStatus) -> None:
        self.redis.set(self._key("status", job_id), pickle.dumps(status),
                       px=int(status_ttl(status, self.ttl) * 1000))

    def _load(self, kind: str, job_id: str) -> Any:
        raw = self.redis.get(self._key(kind, job_id))
        # The types allow str (a client made with decode_responses); this one reads bytes.
        assert not isinstance(raw, str), "the Redis client decodes no responses"
        return pickle.loads(raw) if raw else None

    def get_status(self, job_id: str) -> JobStatus | None:
        return self._load("status", job_id)

    def put_result(self, job_id: str, result: object) -> None:
        self.redis.set(self._key("result", job_id), pickle.dumps(result), px=int(self.ttl * 1000))

    def get_result(self, job_id: str):
        return self._load("result", job_id)

    def delete(self, job_id: str) -> bool:
        removed = self.redis.delete(self._key("status", job_id), self._key("result", job_id))
        return removed > 0
