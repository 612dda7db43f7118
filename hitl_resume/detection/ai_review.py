"""Explicit-AI language in postings: a review-like verb governing an AI-output noun phrase.

"rate and rank model responses", "evaluate chatbot answers", "validate auto-generated
classifications", "quality-check machine translations" all have the same shape: a verb
that asks for judgement (a HITL signal verb or a ``hitl_request`` cue) followed, within a
short window and with no build verb in between, by a noun phrase naming what an AI or
automated system produced. The noun phrase is an AI term (``ai_terms.jsonl``), or an
``ai_producer`` cue ("model", "machine", "bot") right before an ``ai_output`` cue
("responses", "translations"). The tokenizer's positions stand in for a dependency parse:
a full parse costs more than the whole analysis (measured: benchmarks/eval_detection.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.detection.phrase_index import Hit

#: An AI term counts as the object of a review verb when it starts this close after it.
AI_OBJECT_WINDOW = 10
#: "evaluate the AI", "review chatbot replies": the AI term is the verb's direct object.
DIRECT_OBJECT_GAP = 2
#: How near an output word must be to an AI term to make the pair what the AI produced.
AI_OUTPUT_WINDOW = 4
#: "model responses", "machine-generated text": producer then output, at most this far apart.
PRODUCER_GAP = 2
#: "classifications suggested by the model": output, then its producer at most this far after,
#: with the passive's agent marker between them.
PRODUCED_BY_GAP = 4
AGENT_MARKER = "by"
#: "design, train, and evaluate AI models": a build verb this close before the review verb.
BUILD_VERB_WINDOW = 5


@dataclass(frozen=True, slots=True)
class AiObject:
    """A noun phrase naming something an AI or automated system produced."""

    text: str
    token_start: int
    token_end: int
    is_output: bool


def review_triggers(signals: Sequence[Hit], cues: Sequence[Hit]) -> list[Hit]:
    """Verbs asking for judgement, minus those coordinated with building ("train and evaluate")."""
    builders = [h for h in cues if h.entry.kind == "build_verb"]
    candidates = [
        *(h for h in signals if h.entry.pos == "verb"),
        *(c for c in cues if c.entry.kind == "hitl_request"),
    ]
    return [
        h
        for h in candidates
        if not any(0 <= h.token_start - b.token_end <= BUILD_VERB_WINDOW for b in builders)
    ]


def ai_objects(
    ai_hits: Sequence[Hit], cues: Sequence[Hit], tokens_lower: Sequence[str] = ()
) -> list[AiObject]:
    """AI terms (systems of record excluded) and producer/output pairs.

    "model responses" (producer, then output) and "classifications suggested by the model"
    (output, then "by" and its producer a few words on) both name what an AI produced;
    "results with the model owners" does not.
    """
    outputs = [h for h in cues if h.entry.kind == "ai_output"]
    found = [
        AiObject(h.text, h.token_start, h.token_end, _near_output(h, outputs))
        for h in ai_hits
        if h.entry.kind != "system"
    ]
    for producer in (h for h in cues if h.entry.kind == "ai_producer"):
        for output in outputs:
            overlaps = any(
                o.token_start < output.token_end and producer.token_start < o.token_end
                for o in found
            )
            if not overlaps and 0 <= output.token_start - producer.token_end <= PRODUCER_GAP:
                text = f"{producer.text} {output.text}"
                found.append(AiObject(text, producer.token_start, output.token_end, True))
                break
    producers = [h for h in cues if h.entry.kind == "ai_producer"]
    for output in outputs:
        after = [
            p
            for p in producers
            if 0 < p.token_start - output.token_end <= PRODUCED_BY_GAP
            and AGENT_MARKER in tokens_lower[output.token_end : p.token_start]
        ]
        if after and not any(o.token_start <= output.token_start < o.token_end for o in found):
            text = f"{output.text} … {after[0].text}"
            found.append(AiObject(text, output.token_start, after[0].token_end, True))
    return found


def reviewed_ai(
    triggers: Sequence[Hit], objects: Sequence[AiObject], builders: Sequence[Hit]
) -> list[AiObject]:
    """The AI objects some trigger governs: close after it, no build verb between them.

    "review AI-generated responses", "evaluate chatbot answers" and "evaluate the AI" qualify;
    "build machine learning models and review designs" (the AI term precedes the verb) and
    "review code and mentor engineers building AI features" (a build verb governs it) do not.
    """
    governed = []
    for obj in objects:
        for trigger in triggers:
            gap = obj.token_start - trigger.token_end
            if gap < 0 or gap > AI_OBJECT_WINDOW:
                continue
            if any(trigger.token_end <= b.token_start < obj.token_start for b in builders):
                continue
            if gap <= DIRECT_OBJECT_GAP or obj.is_output:
                governed.append(obj)
                break
    return governed


def _near_output(ai: Hit, outputs: Sequence[Hit]) -> bool:
    return any(
        abs(o.token_start - ai.token_end) <= AI_OUTPUT_WINDOW
        or abs(ai.token_start - o.token_end) <= AI_OUTPUT_WINDOW
        for o in outputs
    )
