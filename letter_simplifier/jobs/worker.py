"""An RQ worker that loads the language pipeline and the glossary once.

RQ forks a fresh process for every job; without warming up first, each job
would import spaCy, the OCR stack and the glossary again (seconds per job).
Forked from a warm parent, a job starts with all of that in memory.

    letter-simplifier worker --url redis://127.0.0.1:6379/0
"""

from __future__ import annotations

import argparse
import logging

from .queue import RQQueue

log = logging.getLogger(__name__)

WARM_UP_LETTER = (
    "Gemeente Rotterdam\nDatum: 2 maart 2026\nBetreft: uw aanvraag\n\nGeachte heer,\n\n"
    "Wij verzoeken u binnen twee weken na de datum van deze brief uw loonstroken op te "
    "sturen. Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar "
    "maken.\n\nMet vriendelijke groet,\n\nAfdeling Werk en Inkomen\n"
)


def warm_up() -> None:
    from ..glossary.live import current_glossary
    from ..pipeline import explain_letter

    explain_letter(WARM_UP_LETTER.encode(), "warm-up.txt", glossary=current_glossary())


def add_parser(sub: argparse._SubParsersAction) -> None:
    worker = sub.add_parser("worker", help="run an RQ worker for letter jobs (needs Redis)")
    worker.add_argument("--url", required=True, help="Redis URL, e.g. redis://127.0.0.1:6379/0")
    worker.add_argument("--burst", action="store_true", help="stop when the queue is empty")


def run(args: argparse.Namespace) -> int:
    from redis import Redis
    from rq import Worker

    warm_up()
    worker = Worker([RQQueue.QUEUE], connection=Redis.from_url(args.url))
    worker.work(burst=args.burst, logging_level="WARNING")
    return 0
