"""The job queue with both backends: in-process threads and RQ on Redis."""

from __future__ import annotations

import time

import pytest

from letter_simplifier.jobs import make_queue
from letter_simplifier.jobs.queue import InProcessQueue, RQQueue

from .conftest import SAMPLES

pytestmark = pytest.mark.slow  # job threads, expiry waits


@pytest.fixture(params=["in-process", "redis"])
def queue(request):
    if request.param == "in-process":
        return make_queue(None, ttl=60)
    request.getfixturevalue("rq_worker")
    return make_queue(request.getfixturevalue("redis_url"), ttl=60)


def wait(queue, job_id, seconds=90):
    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        status = queue.status(job_id)
        seen.append(status.state)
        if status.state in ("done", "failed"):
            return status, seen
        time.sleep(0.05)
    raise AssertionError(f"job not done: {seen[-5:]}")


def test_backend_is_chosen_by_redis_url(redis_url):
    assert isinstance(make_queue(None, ttl=60), InProcessQueue)
    assert isinstance(make_queue(redis_url, ttl=60), RQQueue)


def test_job_runs_reports_and_keeps_the_result(queue):
    job_id = queue.submit([((SAMPLES / "cjib-aanmaning.pdf").read_bytes(), "brief.pdf")])
    assert len(job_id) >= 32
    status, seen = wait(queue, job_id)
    assert status.state == "done" and status.progress == 1.0
    assert seen[0] in ("queued", "running")
    result = queue.result(job_id)
    assert result.analysis.sender.kind == "cjib"
    assert queue.delete(job_id)
    assert queue.status(job_id) is None and queue.result(job_id) is None


def test_failed_job_keeps_only_the_error(queue):
    job_id = queue.submit([(b"%PDF-1.4 broken", "brief.pdf")])
    status, _ = wait(queue, job_id)
    assert (status.state, status.error_code) == ("failed", "corrupt_file")
    assert "kapot" in status.error_message
    assert queue.result(job_id) is None


def test_results_expire(redis_url, rq_worker):
    for queue in (make_queue(None, ttl=1), make_queue(redis_url, ttl=1)):
        job_id = queue.submit([((SAMPLES / "gemeente-maatregel.pdf").read_bytes(), "b.pdf")])
        wait(queue, job_id)
        time.sleep(1.5)
        assert queue.status(job_id) is None and queue.result(job_id) is None


def test_time_limit_per_job():
    queue = make_queue(None, ttl=60, time_limit=0)
    job_id = queue.submit([((SAMPLES / "cjib-boete.pdf").read_bytes(), "brief.pdf")])
    status, _ = wait(queue, job_id)
    assert status.error_code == "job_timeout"


def test_uploads_do_not_stay_in_redis(redis_url, rq_worker):
    import redis

    queue = make_queue(redis_url, ttl=60)
    job_id = queue.submit([((SAMPLES / "cjib-boete.pdf").read_bytes(), "brief.pdf")])
    wait(queue, job_id)
    queue.delete(job_id)
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter("*"):
        value = client.type(key)
        if value == b"string":
            assert b"%PDF" not in client.get(key), key
        elif value == b"hash":
            assert not any(b"%PDF" in v for v in client.hgetall(key).values()), key
