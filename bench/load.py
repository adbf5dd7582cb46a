"""Load benchmark: concurrent users against gunicorn on this machine.

    .venv/bin/python bench/load.py [--users 8] [--backend in-process|redis|both]

Each user opens the upload page (for the CSRF token and cookie), uploads a
one-page text PDF, follows the job until the sheet is shown, then does the
same with a one-page phone photo of a letter. Reported per backend: latency
from upload to finished sheet (p50, p95, max), errors (must be 0) and the
wall time. The in-process backend runs one gunicorn worker with threads (jobs
live in that process); the Redis backend runs two gunicorn workers and two
`letter-simplifier worker` processes (warmed-up RQ workers). The upload rate
limit is raised for the run: all users come from 127.0.0.1. Not a test:
results go in the README.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
VENV_BIN = Path(sys.executable).parent
TEXT_LETTER = "cjib-aanmaning"
PHOTO_LETTER = "gemeente-maatregel"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def phone_photo() -> bytes:
    """One degraded phone photo of page 1 of a sample letter (scripts/degrade_samples.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from degrade_samples import degrade_letter  # noqa: E402

    pdf = (SAMPLES / f"{PHOTO_LETTER}.pdf").read_bytes()
    return degrade_letter(pdf, PHOTO_LETTER, "phone")[0].jpeg


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                  f"{value}\r\n".encode())
    for name, filename, data in files:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                  f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                  .encode())
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def one_upload(base: str, data: bytes, name: str) -> float:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body, content_type = multipart({"csrf_token": token}, [("brief", name, data)])
    start = time.perf_counter()
    request = urllib.request.Request(base + "/uitleg", data=body,
                                     headers={"Content-Type": content_type})
    response = opener.open(request, timeout=60)  # follows the 303 to the waiting page
    url = response.geturl()
    while True:
        html = opener.open(url, timeout=60).read().decode()
        if "Wat moet je doen?" in html:
            return time.perf_counter() - start
        if "Dat lukte niet" in html or time.perf_counter() - start > 120:
            raise RuntimeError(f"no sheet for {name}")
        time.sleep(0.3)


def run_users(base: str, users: int, uploads: list[tuple[bytes, str]]) -> dict:
    latencies: dict[str, list[float]] = {name: [] for _, name in uploads}
    errors: list[str] = []
    lock = threading.Lock()

    def user():
        for data, name in uploads:
            try:
                seconds = one_upload(base, data, name)
                with lock:
                    latencies[name].append(seconds)
            except Exception as error:  # counted and reported, never hidden
                with lock:
                    errors.append(f"{name}: {error}")

    threads = [threading.Thread(target=user) for _ in range(users)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"latencies": latencies, "errors": errors, "wall": time.perf_counter() - start}


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def start_backend(backend: str, port: int, folder: Path) -> tuple[list[subprocess.Popen], dict]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(ROOT),
           "LETTER_SIMPLIFIER_RATE_LIMIT": "10000 per minute",
           "LETTER_SIMPLIFIER_SECRET_KEY": "bench-only-secret"}
    processes = []
    if backend == "redis":
        redis_port = free_port()
        processes.append(subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(redis_port), "--save", "",
             "--dir", str(folder)], stdout=subprocess.DEVNULL))
        env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        time.sleep(0.5)
        for _ in range(2):
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "letter_simplifier", "worker", "--url", env["REDIS_URL"]],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        workers = ["--workers", "2", "--threads", "4"]
    else:
        workers = ["--workers", "1", "--threads", "16"]
    processes.append(subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", *workers, "--timeout", "120",
         "letter_simplifier.web:create_app()"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL))
    return processes, env


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--backend", choices=["in-process", "redis", "both"], default="both")
    args = parser.parse_args()
    uploads = [((SAMPLES / f"{TEXT_LETTER}.pdf").read_bytes(), "brief.pdf"),
               (phone_photo(), "foto.jpg")]
    backends = ["in-process", "redis"] if args.backend == "both" else [args.backend]
    print(f"{args.users} users, each: 1 text PDF ({TEXT_LETTER}) + 1 phone photo "
          f"({PHOTO_LETTER}), {os.cpu_count()} cores")
    print("| backend | upload | p50 s | p95 s | max s | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for backend in backends:
        port = free_port()
        with tempfile.TemporaryDirectory() as folder:
            processes, _ = start_backend(backend, port, Path(folder))
            try:
                base = f"http://127.0.0.1:{port}"
                wait_for(base + "/healthz")
                one_upload(base, *uploads[0])  # warm up the worker processes
                report = run_users(base, args.users, uploads)
            finally:
                for process in reversed(processes):
                    process.terminate()
                for process in processes:
                    process.wait(timeout=30)
        for name, values in report["latencies"].items():
            errors = sum(1 for e in report["errors"] if e.startswith(name))
            if values:
                print(f"| {backend} | {name} | {statistics.median(values):.2f} | "
                      f"{percentile(values, 0.95):.2f} | {max(values):.2f} | {errors} |")
            else:
                print(f"| {backend} | {name} | - | - | - | {errors} |")
        for error in report["errors"][:5]:
            print(f"  error: {error}")
        print(f"  {backend}: wall time {report['wall']:.1f} s")


if __name__ == "__main__":
    main()
