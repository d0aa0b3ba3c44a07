"""Document-level name rules after the statistical NER (`attache_entity_rules`).

A news article names a person, organisation or place in full once and then
repeats the name, or part of it, further down. The NER tags each occurrence
from a few words of context and so misses or mislabels some of the repeats.
This component, added by `attache.nlp.load_pipeline()` after `ner`, reads
the whole document:

1. **Parts of full names.** The first and the last word of a person's full
   name ("Wang Yi", "Angela Merkel") are a person wherever they stand alone
   and untagged in the same document ("Wang said", "Merkel said"); a
   one-word name the NER tagged as an organisation or place is relabelled a
   person only when it is the last word of such a name (so "Israel" stays a
   place next to "Israel Katz", while "Washington" is the tennis player
   after "MaliVai Washington").
2. **Consistency.** A name the NER tagged with one label most of the time
   gets that label at its untagged occurrences, provided the NER tagged it
   at least twice for every occurrence it left untagged (a name the NER
   mostly declined stays as it is).
3. **Company designators.** A name ending in "Inc", "Corp", "Ltd"... that
   the NER tagged as a person or place is an organisation.
4. **Gazetteer.** Names from attache's actor knowledge base (states,
   capitals and other places -> place; international organisations, their
   bodies and named groups -> org; known people's full names -> person) are
   tagged only where the NER left every token of the name untagged: the
   gazetteer never overrides a statistical label.

Rules 1 and 2 only copy what the NER said somewhere in the same document. A
copy is made only where the words are capitalised as a name and do not sit
inside a longer capitalised run the NER left untagged ("Jones" in "Jones
Medical"). The word lists (words never copied as names, company designators,
knowledge-base kinds) are in `entity_rules.yaml`.

Labels are the pipeline's own: roles person/org/place are looked up in
`labels.yaml`, so the rules also work with OntoNotes pipelines (places are
tagged GPE there).
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from attache.nlp.labels import labels

if TYPE_CHECKING:
    from attache.actors.store import KBData

COMPONENT = "attache_entity_rules"
RULES_FILE = Path(__file__).with_name("entity_rules.yaml")
ROLES = ("person", "org", "place")
# Consistency copies a name only if the NER tagged it at least this many times
# for every occurrence it left untagged.
MIN_TAGGED_PER_UNTAGGED = 2

Key = tuple[str, ...]


@functools.cache
def _rules() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf8"))


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(str(w).lower().rstrip(".") for w in _rules()[name])


@functools.cache
def never_names() -> frozenset[str]:
    return _lower_set("never_names")


@functools.cache
def designators() -> frozenset[str]:
    return _lower_set("company_designators")


@functools.cache
def connectors() -> frozenset[str]:
    return _lower_set("name_connectors")


def kb_gazetteer() -> dict[Key, str]:
    """Normalised name words (attache.actors' keys) -> role, from the actor knowledge base.

    Left out: names the knowledge base also reads as something that is not a
    name on its own (a demonym, a surname, a seat of government such as "Foreign
    Office") or with two roles; names that start with a title or another word
    in `never_names`; one-word person names.
    """
    return _kb_names()[0]


def kb_acronyms() -> frozenset[Key]:
    """Gazetteer names the knowledge base marks as acronyms ("IS", "ICC"): matched only
    when written in capitals, so "Is" opening a question is not the Islamic State."""
    return _kb_names()[1]


@functools.cache
def _kb_names() -> tuple[dict[Key, str], frozenset[Key]]:
    from attache.actors import ActorKB
    from attache.actors.normalize import norm_key

    kind_role: dict[str, str] = _rules()["kb_kinds"]
    data = ActorKB.load().data
    never = never_names()
    out: dict[Key, str] = {}
    acronyms: set[Key] = set()
    for name in data.gazetteer:
        roles = {kind_role.get(e[0]) for e in data.entries(name) or []}
        key = tuple(name.split())
        if len(roles) != 1 or None in roles or not key or key[0] in never:
            continue
        role = roles.pop()
        if role == "person" and len(key) < 2:
            continue
        out[key] = role
        if any(len(e) > 4 and e[4] for e in data.entries(name) or []):
            acronyms.add(key)
    # Capitals: the KB files them as seats of government together with
    # buildings ("Kremlin", "Foreign Office"); only the cities are places.
    for state in data.states.values():
        for city in state.get("capitals") or ():
            key = tuple(norm_key(city).split())
            if key and key not in out and (not data.entries(" ".join(key)) or _only_seat(data, key)):
                out[key] = "place"
    return out, frozenset(acronyms)


def _only_seat(data: KBData, key: Key) -> bool:
    entries = data.entries(" ".join(key)) or []
    return bool(entries) and all(e[0] == "seat" for e in entries)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class EntityRules:
    """The component; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = COMPONENT,
        surnames: bool = True,
        consistency: bool = True,
        designators: bool = True,
        gazetteer: bool = True,
    ) -> None:
        self.name = name
        self.surnames = surnames
        self.consistency = consistency
        self.designators = designators
        self.gazetteer = gazetteer
        self._nlp = nlp
        self._role_label: dict[str, str] | None = None
        self._gaz_index: dict[str, list[tuple[Key, str]]] | None = None

    def role_labels(self) -> dict[str, str]:
        """role -> the NER label this pipeline uses for it."""
        if self._role_label is None:
            ner_labels = self._nlp.get_pipe("ner").labels if "ner" in self._nlp.pipe_names else ()
            got: dict[str, str] = {}
            for label in ner_labels:
                role = labels().role(label)
                if role in ROLES and role not in got:
                    got[role] = label
            if "GPE" in ner_labels:
                got["place"] = "GPE"
            self._role_label = got
        return self._role_label

    def _gazetteer_index(self) -> dict[str, list[tuple[Key, str]]]:
        if self._gaz_index is None:
            role_label = self.role_labels()
            self._gaz_index = _index({k: role_label[r] for k, r in kb_gazetteer().items() if r in role_label})
        return self._gaz_index

    def __call__(self, doc: Doc) -> Doc:
        role_label = self.role_labels()
        if not role_label or not len(doc):
            return doc
        roles = {label: role for role, label in role_label.items()}
        for label in {e.label_ for e in doc.ents} - roles.keys():
            role = labels().role(label)
            if role in ROLES:
                roles[label] = role
        strings = doc.vocab.strings
        words = [strings[o] for o in doc.to_array(ORTH).tolist()]
        lower = [w.lower() for w in words]
        ents = list(doc.ents)
        changed = False
        tagged = [False] * len(words)
        for ent in ents:
            for i in range(ent.start, ent.end):
                tagged[i] = True
        person, org = role_label.get("person"), role_label.get("org")
        never = never_names()

        # What the NER said: label votes per name, surnames of full person names.
        votes: dict[Key, Counter[str]] = {}
        surnames: set[str] = set()  # last words of full person names
        given: set[str] = set()  # first words ("Wang" of "Wang Yi", "Xi" of "Xi Jinping")
        for ent in ents:
            role = roles.get(ent.label_)
            if role is None or not _capitalised(words[ent.start]):
                continue
            key = tuple(lower[ent.start : ent.end])
            votes.setdefault(key, Counter())[role_label[role]] += 1
            if role == "person" and ent.end - ent.start >= 2:
                for part, into in ((lower[ent.end - 1], surnames), (lower[ent.start], given)):
                    if part.isalpha() and len(part) > 1 and part not in never:
                        into.add(part)

        known: dict[Key, str] = {}
        if self.consistency:
            at: dict[str, list[int]] = {}
            for i, w in enumerate(lower):
                if not tagged[i]:
                    at.setdefault(w, []).append(i)
            for key, counter in votes.items():
                (label, n), (_, runner_up) = (counter.most_common(2) + [("", 0)])[:2]
                if n <= runner_up or all(w in never for w in key) or _kb_disagrees(key, roles.get(label)):
                    continue
                if _count_untagged(lower, tagged, at, key) * MIN_TAGGED_PER_UNTAGGED <= sum(counter.values()):
                    known[key] = label
        if self.surnames and person:
            # A word the knowledge base knows as a place or organisation ("Kyiv",
            # "Nabatieh" of a mistaken "Nabatieh Governorate") is not taken as a name part.
            given = {w for w in given if not _kb_disagrees((w,), "person")}
            surnames = {w for w in surnames if not _kb_disagrees((w,), "person")}
            for word in given | surnames:
                known[(word,)] = person
            # Relabelling needs the last word: "Israel" of "Israel Katz" stays a place.
            for k, ent in enumerate(ents):
                if (
                    ent.end - ent.start == 1
                    and lower[ent.start] in surnames
                    and roles.get(ent.label_) in ("org", "place")
                ):
                    ents[k] = Span(doc, ent.start, ent.end, label=person)
                    changed = True
        if self.designators and org:
            ends = designators()
            for k, ent in enumerate(ents):
                if (
                    ent.end - ent.start >= 2
                    and roles.get(ent.label_) in ("person", "place")
                    and lower[ent.end - 1].rstrip(".") in ends
                ):
                    ents[k] = Span(doc, ent.start, ent.end, label=org)
                    changed = True

        new = _match(words, tagged, _index(known), lower)
        if self.gazetteer:
            index = self._gazetteer_index()
            new += _match(words, tagged, index, [_kb_key(w) for w in words], kb_acronyms())
        if new or changed:
            ents += [Span(doc, i, j, label=label) for i, j, label in new]
            doc.ents = sorted(ents, key=lambda s: s.start)
        return doc


def _count_untagged(lower: list[str], tagged: list[bool], at: dict[str, list[int]], key: Key) -> int:
    """Untagged occurrences of `key`; `at` maps each untagged word to its positions."""
    n = len(key)
    return sum(1 for i in at.get(key[0], ()) if tuple(lower[i : i + n]) == key and not any(tagged[i : i + n]))


def _kb_disagrees(key: Key, role: str | None) -> bool:
    """The knowledge base gives the name `key` (lower-cased words) another role than `role`."""
    kb_role = kb_gazetteer().get(tuple(_kb_key(w) for w in key))
    return kb_role is not None and kb_role != role


@functools.lru_cache(maxsize=1 << 16)
def _kb_key(word: str) -> str:
    from attache.actors.normalize import norm_key

    return norm_key(word)


def _index(names: dict[Key, str]) -> dict[str, list[tuple[Key, str]]]:
    """First word -> (name, label), longest name first."""
    first: dict[str, list[tuple[Key, str]]] = {}
    for key, label in names.items():
        first.setdefault(key[0], []).append((key, label))
    for cands in first.values():
        cands.sort(key=lambda c: len(c[0]), reverse=True)
    return first


def _match(
    words: list[str],
    tagged: list[bool],
    first: dict[str, list[tuple[Key, str]]],
    keys: list[str],
    acronyms: set[Key] | frozenset[Key] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Untagged occurrences of the names in `first` (see `_index`), matched on `keys`
    (one per word) and written as names; their tokens are marked tagged. Longest
    name first, left to right."""
    if not first:
        return []
    joins = connectors()
    out: list[tuple[int, int, str]] = []
    n, i = len(words), 0
    while i < n:
        hit = None
        if not tagged[i] and _capitalised(words[i]):
            for key, label in first.get(keys[i], ()):
                j = i + len(key)
                if (
                    j <= n
                    and tuple(keys[i:j]) == key
                    and not any(tagged[i:j])
                    and _capitalised(words[j - 1])
                    and all(_capitalised(w) or not w.isalpha() or w.lower() in joins for w in words[i:j])
                    and not _in_longer_name(words, tagged, i, j)
                    and (key not in acronyms or all(w.isupper() for w in words[i:j] if w.isalpha()))
                ):
                    hit = (i, j, label)
                    break
        if hit is None:
            i += 1
            continue
        out.append(hit)
        for t in range(hit[0], hit[1]):
            tagged[t] = True
        i = hit[1]
    return out


_SENTENCE_OPENING = {".", "!", "?", '"', "``", "''", ":", ";", "-", "--", "(", "“"}


def _in_longer_name(words: list[str], tagged: list[bool], i: int, j: int) -> bool:
    """An untagged capitalised word right before or after the match: part of a longer name
    (a sentence-initial word before it does not count)."""
    if j < len(words) and not tagged[j] and words[j].isalpha() and _capitalised(words[j]):
        return True
    if i > 0 and not tagged[i - 1] and words[i - 1].isalpha() and _capitalised(words[i - 1]):
        return not (i == 1 or words[i - 2] in _SENTENCE_OPENING or words[i - 2].isspace())
    return False


@Language.factory(
    COMPONENT,
    default_config={"surnames": True, "consistency": True, "designators": True, "gazetteer": True},
)
def make_entity_rules(
    nlp: Language, name: str, surnames: bool, consistency: bool, designators: bool, gazetteer: bool
) -> EntityRules:
    return EntityRules(
        nlp, name, surnames=surnames, consistency=consistency, designators=designators, gazetteer=gazetteer
    )
