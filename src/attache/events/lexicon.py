"""The trigger lexicon and the modality cues, loaded and checked from their data files.

A mistake in a data file (an unknown event type or option, a bare YAML
boolean where a word was meant, a syntax error) stops the load with a
``LexiconError`` naming the file and the place, never a silent mis-reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
TRIGGERS_FILE = HERE / "triggers.yaml"
CUES_FILE = HERE / "cues.yaml"
PLOVER_FILE = HERE / "plover.yaml"

TRIGGER_OPTIONS = {"mode", "recipient", "requires", "unless", "objects", "swap", "confidence", "solo"}
TYPE_KEYS = {
    "recipient",
    "reciprocal",
    "reciprocal_verbs",
    "solo",
    "location_recipient",
    "location_actor",
    "verbs",
    "nouns",
    "adjectives",
}
# Cue lists whose words are verbs or nouns: their inflections are looked up too.
INFLECTED_CUES = ("speech_verbs", "light_verbs", "denial_verbs", "relational_heads", "receiving_verbs")


class LexiconError(ValueError):
    """A data file of the event lexicon is malformed."""


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
    location_actor: bool = False

    @property
    def rule(self) -> str:
        return f"{self.event_type}/{self.pos}:{self.lemma}"


@dataclass(frozen=True)
class EventTypeInfo:
    quad: str
    intensity: float
    cameo_root: str
    mode_intensity: dict[str, float] = field(default_factory=dict)
    future_as: str | None = None  # what an announced, not yet done event of this type is coded as


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    adjectives: dict[str, tuple[Trigger, ...]]
    cues: dict[str, frozenset[str]]
    types: dict[str, EventTypeInfo]
    advice: Trigger
    accusation: Trigger
    forms: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma
    praise: Trigger | None = None

    def lemma(self, word: str, lemma: str) -> str:
        """The lemma to look a word up by: a known inflection's base, else the pipeline's lemma."""
        return self.forms.get(word) or lemma

    def lemmas(self, word: str, lemma: str) -> tuple[str, ...]:
        """The lemmas a word may stand for, in the order ``lemma`` prefers them."""
        return tuple(dict.fromkeys(x for x in (self.forms.get(word), lemma, word) if x))

    def triggers(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        table = {"verb": self.verbs, "noun": self.nouns, "adjective": self.adjectives}[pos]
        return table.get(lemma, ())


# The lexicons are read at every start: libyaml's loader when PyYAML has it (same result,
# several times faster than the pure-Python one).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f":{mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{path}{where}: {err.problem}") from None
    except (OSError, yaml.YAMLError) as err:
        raise LexiconError(f"{path}: {err}") from None


def _words(value: object, where: str) -> frozenset[str]:
    """A word or list of words; anything else (a YAML boolean from a bare on/off/no/yes) is an error."""
    if value is None:
        return frozenset()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise LexiconError(f"{where}: expected words, got {value!r} (quote on/off/no/yes)")
    return frozenset(values)


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


def _types(path: Path) -> dict[str, EventTypeInfo]:
    spec = _read(path)
    types = {}
    for name, info in spec.items():
        try:
            types[name] = EventTypeInfo(
                quad=info["quad"],
                intensity=float(info["intensity"]),
                cameo_root=str(info["cameo_root"]),
                mode_intensity={k: float(v) for k, v in (info.get("mode_intensity") or {}).items()},
                future_as=info.get("future_as"),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise LexiconError(f"{path}: {name}: {err}") from None
    for name, info in types.items():
        if info.future_as is not None and info.future_as not in types:
            raise LexiconError(f"{path}: {name}: future_as {info.future_as!r} is not an event type")
    return types


def _trigger(lemma: str, pos: str, event_type: str, entry: dict, options: dict, where: str) -> Trigger:
    unknown = set(options) - TRIGGER_OPTIONS
    if unknown:
        raise LexiconError(f"{where}: unknown option(s) {sorted(unknown)} (known: {sorted(TRIGGER_OPTIONS)})")
    ordered = options.get("recipient", entry.get("recipient", ["obj"]))
    _words(ordered, f"{where}: recipient")  # checked; kept as listed, since the order of places matters
    return Trigger(
        lemma=lemma,
        pos=pos,
        event_type=event_type,
        mode=options.get("mode"),
        recipient=tuple(ordered or ()),
        reciprocal=bool(entry.get("reciprocal", False))
        or (pos == "verb" and lemma in _words(entry.get("reciprocal_verbs"), f"{where}: reciprocal_verbs"))
        or (pos == "noun" and "between" in ordered),
        requires=_words(options.get("requires"), f"{where}: requires"),
        unless=_words(options.get("unless"), f"{where}: unless"),
        objects=_words(options.get("objects"), f"{where}: objects"),
        swap=bool(options.get("swap", False)),
        confidence=float(options.get("confidence", 0.8)),
        solo=bool(options.get("solo", entry.get("solo", False))),
        location_recipient=bool(entry.get("location_recipient", False)),
        location_actor=bool(entry.get("location_actor", False)),
    )


def _construction(spec: dict) -> Trigger:
    """The event a speech construction ("X said Y should ...") codes."""
    return Trigger(
        lemma="say",
        pos="verb",
        event_type=spec["type"],
        mode=spec.get("mode"),
        recipient=("subj",),
        reciprocal=False,
        confidence=float(spec.get("confidence", 0.6)),
    )


@lru_cache(maxsize=4)
def load_lexicon(
    triggers_file: Path = TRIGGERS_FILE, cues_file: Path = CUES_FILE, plover_file: Path = PLOVER_FILE
) -> Lexicon:
    """Read and check the data files, once per process."""
    types = _types(plover_file)
    spec = _read(triggers_file)
    tables: dict[str, dict[str, list[Trigger]]] = {"verb": {}, "noun": {}, "adjective": {}}
    for event_type, entry in spec.items():
        where = f"{triggers_file}: {event_type}"
        if event_type not in types:
            raise LexiconError(f"{where}: not an event type of {plover_file.name}")
        unknown = set(entry) - TYPE_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}")
        for pos, table in tables.items():
            for lemma, options in (entry.get(f"{pos}s") or {}).items():
                trigger = _trigger(str(lemma), pos, event_type, entry, options or {}, f"{where}: {lemma}")
                table.setdefault(str(lemma), []).append(trigger)

    cues_spec = _read(cues_file)
    irregular = {str(k): str(v) for k, v in (cues_spec.pop("irregular_forms", None) or {}).items()}
    advice = cues_spec.pop("advice_event", None) or {}
    accusation = cues_spec.pop("accusation_event", None) or {}
    praise = cues_spec.pop("praise_event", None) or {}
    cues = {name: _words(values, f"{cues_file}: {name}") for name, values in cues_spec.items()}
    for name, construction in (("advice_event", advice), ("accusation_event", accusation)):
        if construction.get("type") not in types:
            raise LexiconError(f"{cues_file}: {name}: type must be an event type")
    if praise and praise.get("type") not in types:
        raise LexiconError(f"{cues_file}: praise_event: type must be an event type")

    words = {*tables["verb"], *tables["noun"], *tables["adjective"]}
    words |= {w for name in INFLECTED_CUES for w in cues.get(name, ()) if " " not in w}
    forms = {form: lemma for lemma in sorted(words) for form in _inflections(lemma) if form not in words}
    forms.update(irregular)
    return Lexicon(
        verbs={k: tuple(v) for k, v in tables["verb"].items()},
        nouns={k: tuple(v) for k, v in tables["noun"].items()},
        adjectives={k: tuple(v) for k, v in tables["adjective"].items()},
        cues=cues,
        types=types,
        advice=_construction(advice),
        accusation=_construction(accusation),
        forms=forms,
        praise=_construction(praise) if praise else None,
    )
