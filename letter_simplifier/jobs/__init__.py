"""Letters are explained as jobs: OCR takes seconds, so the web page shows
progress instead of a frozen screen.

One small interface (`JobQueue`: submit, status, result, delete) with two
backends: an in-process worker pool (the embedded default) and RQ on Redis
(`REDIS_URL`) for several web servers and workers. Uploads and results live
only in memory (a dict here, Redis there) and expire after the result TTL.
"""

from .queue import JobQueue, JobStatus, make_queue

__all__ = ["JobQueue", "JobStatus", "make_queue"]
