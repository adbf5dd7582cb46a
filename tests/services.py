"""Throwaway servers for tests (loaded by conftest.py): a Redis server and an
RQ worker, started in a temp folder on a free port and stopped afterwards, so
neither CI nor a developer needs a service running."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: run scripts/setup")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def rq_worker(redis_url) -> Iterator[subprocess.Popen]:
    """`letter-simplifier worker` (a warmed-up RQ worker), as a deployment runs it."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "letter_simplifier", "worker", "--url", redis_url], cwd=ROOT,
        env={**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield worker
    worker.terminate()
    worker.wait(timeout=20)
