"""The trigger lexicon and the modality cues, loaded from their data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
TRIGGERS_FILE = HERE / "triggers.yaml"
CUES_FILE = HERE / "cues.yaml"
PLOVER_FILE = HERE / "plover.yaml"


@dataclass(frozen=True)
class Trigger:
    """One way of reporting one event type: a lemma with the conditions it needs."""

    lemma: str
    pos: str  # "verb", "noun" or "adjective"
    event_type: str
    mode: str | None
    recipient: tuple[str, ...]
    reciprocal: bool
    requires: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    swap: bool = False
    confidence: float = 0.8
    solo: bool = False
    location_recipient: bool = False

    @property
    def rule(self) -> str:
        return f"{self.event_type}/{self.pos}:{self.lemma}"


@dataclass(frozen=True)
class EventTypeInfo:
    quad: str
    intensity: float
    cameo_root: str
    mode_intensity: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    adjectives: dict[str, tuple[Trigger, ...]]
    cues: dict[str, frozenset[str]]
    types: dict[str, EventTypeInfo]
    forms: dict[str, str] = field(default_factory=dict)  # inflected form -> trigger lemma

    def lemma(self, word: str, lemma: str) -> str:
        """The lemma to look a word up by: a known inflection's base, else the pipeline's lemma."""
        return self.forms.get(word) or lemma

    def lemmas(self, word: str, lemma: str) -> tuple[str, ...]:
        """The trigger lemmas a word may stand for: its lemma, itself, or a known inflection."""
        out = [lemma, word]
        base = self.forms.get(word)
        if base:
            out.append(base)
        return tuple(dict.fromkeys(out))

    def triggers(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        table = {"verb": self.verbs, "noun": self.nouns, "adjective": self.adjectives}[pos]
        return table.get(lemma, ())


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun, so that triggers do not depend on
    how good the pipeline's lemmatizer is."""
    forms = {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(lemma + "es")
    if lemma.endswith("e"):
        forms = {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms.discard(lemma)
    return forms


def _as_set(value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(str(v) for v in value)  # type: ignore[union-attr]


@lru_cache(maxsize=4)
def load_lexicon(
    triggers_file: Path = TRIGGERS_FILE, cues_file: Path = CUES_FILE, plover_file: Path = PLOVER_FILE
) -> Lexicon:
    """Read the data files once per process."""
    spec = yaml.safe_load(triggers_file.read_text(encoding="utf-8"))
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    adjectives: dict[str, list[Trigger]] = {}
    for event_type, entry in spec.items():
        default_recipient = tuple(entry.get("recipient", ["obj"]))
        reciprocal = bool(entry.get("reciprocal", False))
        solo = bool(entry.get("solo", False))
        location_recipient = bool(entry.get("location_recipient", False))
        reciprocal_verbs = set(entry.get("reciprocal_verbs", []))
        for pos, table in (("verb", verbs), ("noun", nouns), ("adjective", adjectives)):
            for lemma, options in (entry.get(f"{pos}s") or {}).items():
                options = options or {}
                trigger = Trigger(
                    lemma=str(lemma),
                    pos=pos,
                    event_type=event_type,
                    mode=options.get("mode"),
                    recipient=tuple(options.get("recipient", default_recipient)),
                    reciprocal=reciprocal
                    or (pos == "verb" and lemma in reciprocal_verbs)
                    or (pos == "noun" and "between" in options.get("recipient", default_recipient)),
                    requires=_as_set(options.get("requires")),
                    unless=_as_set(options.get("unless")),
                    objects=_as_set(options.get("objects")),
                    swap=bool(options.get("swap", False)),
                    confidence=float(options.get("confidence", 0.8)),
                    solo=bool(options.get("solo", solo)),
                    location_recipient=location_recipient,
                )
                table.setdefault(str(lemma), []).append(trigger)
    cues_spec = yaml.safe_load(cues_file.read_text(encoding="utf-8"))
    irregular = {str(k): str(v) for k, v in (cues_spec.pop("irregular_forms", None) or {}).items()}
    cues = {name: _as_set(values) for name, values in cues_spec.items()}
    words = {*verbs, *nouns, *adjectives, *(w for values in cues.values() for w in values if " " not in w)}
    forms = {form: lemma for lemma in sorted(words) for form in _inflections(lemma) if form not in words}
    forms.update(irregular)
    plover = yaml.safe_load(plover_file.read_text(encoding="utf-8"))
    types = {
        name: EventTypeInfo(
            quad=info["quad"],
            intensity=float(info["intensity"]),
            cameo_root=str(info["cameo_root"]),
            mode_intensity={k: float(v) for k, v in (info.get("mode_intensity") or {}).items()},
        )
        for name, info in plover.items()
    }
    return Lexicon(
        forms=forms,
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        adjectives={k: tuple(v) for k, v in adjectives.items()},
        cues=cues,
        types=types,
    )
