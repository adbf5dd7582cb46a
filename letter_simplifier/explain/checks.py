"""'Controleer dit in de brief' beside the amounts and dates of the sheet that
came from an unsure OCR read (analyse/ocr_checks.py). Each check keeps the spot
in the letter; render (render/crop.py) cuts it out of the original photo so the
reader sees what to compare."""

from __future__ import annotations

import dataclasses

from ..model import Analysis, MoneyLine, SpotCheck, Todo, Unsure
from .wording import say


def spot_check(analysis: Analysis, item: Unsure) -> SpotCheck:
    return SpotCheck(say("unsure.check", page=item.span.page), item.span.page, item.span)


def attach_checks(analysis: Analysis, todos: list[Todo], money: list[MoneyLine]
                  ) -> tuple[list[Todo], list[MoneyLine]]:
    if not analysis.unsure:
        return todos, money
    cache: dict[tuple[int, int], SpotCheck] = {}

    def check_for(kind: str, value: object) -> SpotCheck | None:
        item = next((u for u in analysis.unsure if u.kind == kind and u.value == value), None)
        if item is None:
            return None
        key = (item.span.start, item.span.end)
        if key not in cache:
            cache[key] = spot_check(analysis, item)
        return cache[key]

    todos = [dataclasses.replace(t, check=check_for("date", t.deadline)) if t.deadline else t
             for t in todos]
    money = [dataclasses.replace(m, check=check_for("amount", m.value)) for m in money]
    return todos, money
