"""The work of one job: explain the uploaded files, report progress, keep the
result. Runs in a pool thread (in-process) or in an RQ worker (Redis)."""

from __future__ import annotations

import logging
import time
import traceback
from datetime import date

from ..errors import JobTimeout, LetterError
from ..explain.wording import say, table
from ..pipeline import explain_files
from .store import JobStatus, MemoryStore, RedisStore

log = logging.getLogger(__name__)


def run_job(store: MemoryStore | RedisStore, job_id: str, files: list[tuple[bytes, str]],
            today: date | None, time_limit: float, glossary=None) -> None:
    started = time.monotonic()

    def progress(step: str, fraction: float) -> None:
        if time.monotonic() - started > time_limit:
            raise JobTimeout()
        store.set_status(job_id, JobStatus("running", round(fraction, 2),
                                           table("job.steps").get(step, "")))

    try:
        progress("lezen", 0.05)
        result = explain_files(files, today=today, glossary=glossary, progress=progress)
        if time.monotonic() - started > time_limit:
            raise JobTimeout()
        store.put_result(job_id, result)
        store.set_status(job_id, JobStatus("done", 1.0, say("job.done")))
    except LetterError as error:
        log.info("job failed: %s", error.code)
        store.set_status(job_id, JobStatus("failed", 1.0, "", error.code, error.message))
    except Exception as error:  # a bug: the user gets a plain message
        # Type and place only: an exception's message may quote the letter.
        frame = traceback.extract_tb(error.__traceback__)[-1]
        log.error("job crashed: %s at %s:%d", type(error).__name__, frame.filename, frame.lineno)
        store.set_status(job_id, JobStatus(
            "failed", 1.0, "", "internal_error", say("job.internal_error")))


def run_job_rq(redis_url: str, ttl: int, job_id: str, files: list[tuple[bytes, str]],
               today: date | None, time_limit: float) -> None:
    """Entry point for an RQ worker."""
    from ..glossary.live import current_glossary  # published terms (database URL from env)

    run_job(RedisStore(redis_url, ttl), job_id, files, today, time_limit, current_glossary())
