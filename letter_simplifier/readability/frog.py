"""Frog, the Dutch tagger and dependency parser (Debian packages `frog`,
`frogdata`, `uctodata`), wrapped in one place: start, timeouts, restart.

How we run it (measured on this 2-core machine, see bench/readability_bench.py):
start-up takes 5-10 s and ~0.9 GB of memory, after which a sentence takes
tens of milliseconds. So Frog runs as ONE long-lived child process per Python
process, started on first use (or ahead with `warm_up()`), fed one
pre-tokenised sentence per line on stdin (`-n`, tokenizer skipped) and read
until the blank line that ends each sentence. We chose the pipe over Frog's
server mode (`-S port`): no port to pick or protect, the child ends when its
stdin closes, and server mode also handles one client at a time.

Skipped modules: tokenizer (we send spaCy's tokens, so offsets stay ours),
morphology, chunker and named entities (not needed; start-up halves). The
multi-word-unit step cannot be skipped, because the parser needs it: Frog may
join tokens ("op_tijd"), and `parse()` maps them back.

A sentence that takes longer than `sentence_timeout` kills the process; the
next call starts a fresh one. Every failure is a `ParserUnavailable`, and the
readability check then reports without parser features.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import IO

from ..errors import ParserUnavailable

log = logging.getLogger(__name__)

COMMAND = ("frog", "-n", "--skip=tacn", "--max-parser-tokens=120")
START_TIMEOUT = 120.0
SENTENCE_TIMEOUT = 30.0
# Longer "sentences" (tables, address blocks run together) are not parsed.
MAX_TOKENS = 120
PROBE = "Dit is een zin ."


@dataclass(frozen=True)
class FrogToken:
    """One row of Frog's output. `index` and `head` are 1-based; head 0 is the root."""

    index: int
    word: str
    lemma: str
    tag: str  # CGN tag, e.g. "WW(pv,tgw,ev)"
    head: int | None
    relation: str
    source: tuple[int, ...]  # positions in the token list we sent (an MWU holds several)

    @property
    def pos(self) -> str:
        return self.tag.split("(", 1)[0]

    @property
    def features(self) -> tuple[str, ...]:
        inner = self.tag.partition("(")[2].rstrip(")")
        return tuple(inner.split(",")) if inner else ()


def installed() -> bool:
    return shutil.which(COMMAND[0]) is not None


def pipes(process: subprocess.Popen[bytes]) -> tuple[IO[bytes], IO[bytes]]:
    """Frog's stdin and stdout: `Frog` always starts it with a pipe for both."""
    assert process.stdin is not None and process.stdout is not None, "started with PIPE"
    return process.stdin, process.stdout


class Frog:
    """One Frog child process. Thread-safe: calls are serialised by a lock."""

    def __init__(self, command: tuple[str, ...] = COMMAND, *, start_timeout: float = START_TIMEOUT,
                 sentence_timeout: float = SENTENCE_TIMEOUT):
        self.command = command
        self.start_timeout = start_timeout
        self.sentence_timeout = sentence_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()
        self.started_in: float | None = None
        self._stderr: IO[bytes] | None = None

    # -- life cycle ---------------------------------------------------------

    def start(self) -> None:
        with self.lock:
            self._ensure_running()

    def _ensure_running(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        self._stop()
        self.started_in = None
        if shutil.which(self.command[0]) is None:
            raise ParserUnavailable(f"{self.command[0]} is not installed")
        began = time.monotonic()
        self._stderr = tempfile.TemporaryFile()
        try:
            # Frog writes debug files into its working folder: give it /tmp.
            self.process = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=self._stderr, cwd=tempfile.gettempdir(), start_new_session=True)
        except OSError as error:
            raise ParserUnavailable(f"frog did not start: {error}") from None
        os.set_blocking(pipes(self.process)[1].fileno(), False)
        self._exchange(PROBE, self.start_timeout)
        self.started_in = time.monotonic() - began
        log.info("frog started in %.1f s (pid %d)", self.started_in, self.process.pid)

    def close(self) -> None:
        with self.lock:
            self._stop()

    def _stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            try:
                pipes(process)[0].close()
                process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait(timeout=5)
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _fail(self, why: str) -> ParserUnavailable:
        tail: list[str] = []
        # Frog's own messages only while it starts: later they may quote a letter.
        if self._stderr is not None and self.started_in is None:
            self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(0, self._stderr.tell() - 400))
            tail = self._stderr.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        self._stop()
        return ParserUnavailable(f"{why} {tail[0] if tail else ''}".strip())

    # -- talking ------------------------------------------------------------

    def _exchange(self, line: str, timeout: float) -> str:
        """Send one sentence (tokens apart by spaces), return Frog's rows for it."""
        assert self.process is not None, "called after _ensure_running"
        stdin, stdout = pipes(self.process)
        try:
            stdin.write(line.encode("utf-8") + b"\n")
            stdin.flush()
        except OSError:
            raise self._fail("frog stopped") from None
        fd = stdout.fileno()
        buffer = b""
        deadline = time.monotonic() + timeout
        while not buffer.endswith(b"\n\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._fail(f"frog took longer than {timeout:.0f} s")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                raise self._fail("frog stopped")
            buffer += chunk
        return buffer.decode("utf-8", "replace")

    def parse(self, sentences: list[list[str]]) -> list[list[FrogToken] | None]:
        """Parse pre-tokenised sentences. A sentence that is empty or longer than
        MAX_TOKENS gives None (not parsed)."""
        results: list[list[FrogToken] | None] = []
        with self.lock:
            self._ensure_running()
            for tokens in sentences:
                if not tokens or len(tokens) > MAX_TOKENS:
                    results.append(None)
                    continue
                clean = [frog_safe(token) for token in tokens]
                rows = self._exchange(" ".join(clean), self.sentence_timeout)
                results.append(read_rows(rows, len(tokens)))
        return results


def frog_safe(token: str) -> str:
    # "_" joins multi-word units in Frog's output; keep it out of our tokens.
    return token.replace("_", "-").replace("\t", " ").strip() or "-"


def read_rows(text: str, sent: int) -> list[FrogToken] | None:
    """Frog's tab-separated rows, each mapped back to the tokens we sent."""
    tokens: list[FrogToken] = []
    position = 0
    for line in text.strip("\n").split("\n"):
        cells = line.split("\t")
        if len(cells) < 10:
            continue
        word = cells[1]
        width = word.count("_") + 1
        head = int(cells[-2]) if cells[-2].strip().isdigit() else None
        tokens.append(FrogToken(
            index=int(cells[0]), word=word, lemma=cells[2], tag=cells[4].split("_")[0],
            head=head, relation=cells[-1].strip(),
            source=tuple(range(position, position + width))))
        position += width
    # Frog must give back exactly what we sent; anything else is not trusted.
    return tokens if position == sent else None


_shared: Frog | None = None
_shared_lock = threading.Lock()


def shared() -> Frog:
    """The process-wide Frog (one child per Python process, e.g. per gunicorn worker)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Frog()
        return _shared


def warm_up() -> threading.Thread:
    """Start the shared Frog in the background, so the first check is quick."""
    def run() -> None:
        try:
            shared().start()
        except ParserUnavailable as error:
            log.warning("frog unavailable: %s", error)

    thread = threading.Thread(target=run, name="frog-warm-up", daemon=True)
    thread.start()
    return thread
