"""The package as people install it: `python -m build` makes a wheel that works
in a fresh virtual environment, outside the checkout (term files, templates and
static files travel inside it)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pypdf
import pytest

from .conftest import ROOT, SAMPLES
from .services import free_port

pytestmark = pytest.mark.slow  # builds, installs with every dependency, starts gunicorn


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel (and its dependencies) in it."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(folder / "dist"), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheels = list((folder / "dist").glob("letter_simplifier-*.whl"))
    assert len(wheels) == 1
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheels[0])],
                   check=True, capture_output=True, timeout=900)
    return venv


def run_outside(venv: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    code = ("import letter_simplifier as ls; "
            "print(ls.__file__, ls.IN_CHECKOUT, (ls.TEMPLATES_DIR / 'sheet.html').is_file())")
    out = run_outside(installed, tmp_path, "python", "-c", code)
    path, in_checkout, has_templates = out.stdout.split()
    assert path.startswith(str(installed)) and not path.startswith(str(ROOT))
    assert in_checkout == "False" and has_templates == "True"


def test_installed_cli_writes_the_sheet_and_the_original(installed, tmp_path):
    letter = tmp_path / "brief.pdf"
    letter.write_bytes((SAMPLES / "cjib-aanmaning.pdf").read_bytes())
    run = run_outside(installed, tmp_path, "letter-simplifier", "explain", "brief.pdf",
                      "-o", "uitleg.pdf")
    assert run.returncode == 0, run.stderr
    pages = pypdf.PdfReader(io.BytesIO((tmp_path / "uitleg.pdf").read_bytes())).pages
    assert len(pages) >= 2
    assert "CJIB" in pages[0].extract_text()


def test_installed_gunicorn_serves_the_upload_page_with_its_css(installed, tmp_path):
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "OMP_THREAD_LIMIT": "1"}
    server = subprocess.Popen(
        [str(installed / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "letter_simplifier.web:create_app()"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    page = r.read().decode()
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        assert "Snap je een brief niet?" in page and "/static/app.css" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/app.css", timeout=10) as r:
            assert r.status == 200 and "text/css" in r.headers["Content-Type"]
            assert len(r.read()) > 100
    finally:
        server.terminate()
        server.wait(timeout=20)
