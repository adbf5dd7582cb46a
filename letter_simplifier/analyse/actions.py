"""What the letter asks the reader to do.

A sentence asks for action when it holds a directive ("U moet", "Wij verzoeken
u", "Stuur", "Dan kunt u ... bezwaar"); the verb phrase nearest after the
directive says which action (data/signals.toml). One action per verb; the
plain instruction is written later, by the explain stage.
"""

from __future__ import annotations

from ..model import Action, Deadline, Sentence, Verb
from . import rules
from .references import mask_bsns


def find_actions(sentences: list[Sentence], deadlines: list[Deadline]) -> list[Action]:
    actions: dict[Verb, Action] = {}
    for sentence in sentences:
        for verb in sentence_verbs(sentence.text):
            if verb in actions:
                continue
            deadline = first_deadline(deadlines, verb) or deadline_inside(deadlines, sentence)
            immediate = deadline is None and (bool(rules.immediate().search(sentence.text)) or any(
                d.immediate and d.verb == verb for d in deadlines))
            actions[verb] = Action(
                verb=verb, text=mask_bsns(" ".join(sentence.text.split())),
                deadline=deadline.last_day if deadline else None,
                span=sentence.span, immediate=immediate,
            )
    # A dated request that no directive sentence asked for ("Het formulier moet
    # vóór 1 april bij ons zijn") is still something to do.
    used = {a.deadline for a in actions.values() if a.deadline}
    for deadline in deadlines:
        # A date that only starts something ("Vanaf 1 april") asks nothing.
        if (deadline.immediate or not deadline.limit or deadline.verb in actions
                or deadline.verb == "other"):
            continue
        if deadline.last_day is None or deadline.last_day not in used:
            actions[deadline.verb] = Action(
                verb=deadline.verb, text=deadline.text,
                deadline=deadline.last_day, span=deadline.span)
            if deadline.last_day:
                used.add(deadline.last_day)
    return sorted(actions.values(), key=lambda a: a.span.start)


def deadline_inside(deadlines: list[Deadline], sentence: Sentence) -> Deadline | None:
    inside = [d for d in deadlines if d.last_day and d.limit
              and sentence.span.start <= d.span.start < sentence.span.end]
    return inside[0] if inside else None


def sentence_verbs(text: str) -> list[Verb]:
    """The verbs asked for in one sentence: for each directive, the verb phrase
    nearest after it (before it counts double), unless that phrase is denied."""
    phrases = [(m.start(), m.end(), rule.label)
               for rule in rules.action_verbs() for m in rule.pattern.finditer(text)
               if not rules.negation().search(text[:m.start()])]
    verbs: list[Verb] = []
    for directive in rules.directives():
        for m in directive.finditer(text):
            distances = [((start - m.start()) if start >= m.start() else 2 * (m.start() - end),
                          verb) for start, end, verb in phrases]
            if distances:
                verb = min(distances)[1]
                if verb not in verbs:
                    verbs.append(verb)
    mentioned = {verb for _, _, verb in phrases}
    for main, absorbed in rules.absorbs().items():
        if main in mentioned and any(v in absorbed for v in verbs):
            verbs = [v for v in verbs if v not in absorbed]
            verbs += [] if main in verbs else [main]
    return verbs


def first_deadline(deadlines: list[Deadline], verb: Verb) -> Deadline | None:
    dated = [(d.last_day, i, d) for i, d in enumerate(deadlines)
             if d.verb == verb and d.last_day and d.limit]
    return min(dated)[2] if dated else None
