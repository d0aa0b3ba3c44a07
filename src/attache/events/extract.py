"""Event extraction: triggers from the lexicon, arguments from the parse.

One pass over each sentence: every word that the trigger lexicon knows is a
candidate; its conditions (required or excluded prepositions and objects) are
checked against its dependents; its actor and recipient are read off the
parse and resolved to codes by the actors stage; modality cues decide
negated / hypothetical / future / historical. Each record carries the rule
that fired and how each argument was found, as its ``reason``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from attache.events.lexicon import Lexicon, Trigger, load_lexicon
from attache.events.modality import ModalityReader
from attache.events.syntax import (
    ADJ_POS,
    NOUN_POS,
    VERB_POS,
    Attachment,
    attachments,
    case_of,
    governing_verb,
    is_expletive,
    is_first_person,
    is_infinitive,
    misread_participle,
    phrase,
    subject_of,
)
from attache.events.syntax import (
    CLAUSE_SUBJECTS as SUBJECT_DEPS,
)
from attache.nlp.labels import labels
from attache.records import Entity, EventRecord, Evidence, Location

LABELS = labels()

# How far back (characters) a denial may answer an accusation: about two sentences.
ANSWER_DISTANCE = 400
# How far back (characters) "the move" or "the strikes" may point to the event it names.
DEED_DISTANCE = 600
# The article's second most named state must be named this often to stand in as a recipient.
OTHER_PARTY_MIN_MENTIONS = 5
# ... and the third most named less often than this share of the second.
OTHER_PARTY_THIRD_RATIO = 0.8
OTHER_PARTY_DISCOUNT = 0.7
# Relations by which a clause or noun is the content of the word it hangs on
# ("urged Russia *to withdraw*", "accused Kyiv *of attacking*"); adverbial
# clauses ("after accusing ...") and coordinated verbs report events of their own.
CONTENT_DEPS = {"xcomp", "ccomp", "obj", "dobj", "pobj", "obl", "nmod", "acl", "prep", "pcomp"}


PRONOUNS = {"he", "she", "him", "her", "it", "they", "them"}
PERSONAL = {"he", "she", "him", "her"}
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
AMOUNT_POS = {"NUM", "SYM"}
OPENING_QUOTES = {'"', "“", "'", "‘"}
CLOSING_QUOTES = {'"', "”", "'", "’"}
# How many sentences on a quotation's attribution is looked for.
QUOTE_SENTENCES = 4


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    entities: Sequence[Entity]


class ActorResolver(Protocol):
    """What the events stage needs from the actors stage (``attache.actors.ArticleActors``)."""

    def start_sentence(self, text: str) -> Sequence[MentionLike]: ...

    def resolve(self, text: str, start: int | None = None) -> list[Entity]: ...


@dataclass(frozen=True)
class Named:
    """A gazetteer mention of the sentence placed in its parse, once per sentence."""

    text: str
    entities: Sequence[Entity]
    start: int  # character offsets in the document
    end: int
    root: Token


DASHES = {"-", "--", "—", "–"}


def _dateline_end(sentence: Span) -> int:
    """The character offset where a dateline ("SEOUL (Reuters) -") ends, or the sentence start."""
    first = sentence[0]
    if not (first.is_upper and len(first) > 1):
        return sentence.start_char
    for token in sentence[:12]:
        if token.text in DASHES:
            return token.idx + len(token.text)
    return sentence.start_char


def _placed(entities: list[Entity], location: Location, armed: Collection[str] = ()) -> list[Entity]:
    """Stateless groups (a known group coded UNK, or armed men of no known state such as
    "Russian-backed separatists") take the country the event happened in."""
    if not location.code or location.code == "UNK":
        return entities
    return [
        e.model_copy(update={"code": location.code, "reason": f"{e.reason}; acting in {location.text}"})
        if e.code == "UNK" and (e.name or e.sector in armed)
        else e
        for e in entities
    ]


def _dedupe_key(record: EventRecord) -> tuple:
    """One event per type, sides and sentence: the same event found twice is coded once."""
    return (
        record.event_type,
        tuple(sorted(e.code for e in record.actor)),
        tuple(sorted(e.code for e in record.recipient)),
        record.evidence.start,
    )


def _each_to_the_others(record: EventRecord) -> list[EventRecord]:
    """The record, or, when its sides are the same states ("both sides accused each other",
    "Israel and Hamas attacked one another"), one record from each to the others."""
    actor_codes = {e.code for e in record.actor}
    if len(actor_codes) < 2 or actor_codes != {e.code for e in record.recipient}:
        return [record]
    return [
        record.model_copy(
            update={
                "event_id": f"{record.event_id}-{code}",
                "actor": [e for e in record.actor if e.code == code],
                "recipient": [e for e in record.recipient if e.code != code],
            }
        )
        for code in sorted(actor_codes)
    ]


def _is_state(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code.isupper() and code != "UNK"


def _name_of(head: Token, actors: ActorResolver) -> list[Entity]:
    """The one actor a name with an "of" of its own names ("the Republic of Korea"; "the
    Republic" alone is whichever republic was named last), or none."""
    if head.pos_ != "PROPN" or not any(c.pos_ == "PROPN" and case_of(c) == "of" for c in head.rights):
        return []
    span = phrase(head, owner_preps=("of",))
    entities = actors.resolve(span.text, span.start_char - span.sent.start_char)
    return entities if len(entities) == 1 else []


def _unique(entities: list[Entity]) -> list[Entity]:
    """The entities without repeats of the same code, sector and name ("Trump and his aides")."""
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for e in entities:
        key = (e.code, e.sector, e.name)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


class _Centered:
    """A resolver that reads a subject pronoun as the previous sentence's main subject
    (centering: "Moscow has locked horns with NATO. They have demanded ..." -> Moscow),
    and everything else as the article's actor memory does."""

    def __init__(
        self,
        inner: ActorResolver,
        topic: list[Entity],
        pair: list[str] | None = None,
        pair_words: frozenset[str] = frozenset(),
    ) -> None:
        self.inner = inner
        self.topic = topic
        self.pair = pair or []
        self.pair_words = pair_words

    def start_sentence(self, text: str) -> Sequence[MentionLike]:
        return self.inner.start_sentence(text)

    def resolve(self, text: str, start: int | None = None) -> list[Entity]:
        key = text.strip().lower()
        if key in PRONOUNS and self.topic:
            person = [e for e in self.topic if e.office or getattr(e, "pid", None) is not None]
            fits = getattr(self.inner, "fits_pronoun", None)
            if fits is not None:
                person = [e for e in person if fits(e, key)]  # "she" is not the Mr. of before
            candidates = person if key in PERSONAL else [e for e in self.topic if e not in person]
            if candidates:
                return [
                    e.model_copy(
                        update={
                            "text": text,
                            "reason": f"pronoun: subject of the previous sentence ({e.text})",
                        }
                    )
                    for e in candidates
                ]
        if key in self.pair_words and len(self.pair) == 2:
            # "officials from both sides": the two states the article is about.
            return [
                Entity(text=text, code=code, reason=f"'{text}': the article's two main states")
                for code in self.pair
            ]
        return self.inner.resolve(text, start)


@dataclass
class Candidate:
    trigger: Trigger
    token: Token
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    how: list[str] = field(default_factory=list)
    confidence: float = 0.8
    location: Location | None = None
    # The side ("actor" or "recipient") the sentence leaves open for a type that needs
    # both: coded only if the article names a clear other party (EventExtractor._other_party).
    orphan: str = ""
    # An event noun in the recipient's place whose author the sentence does not name
    # ("condemned the air strikes"): its author is the recipient (EventExtractor._target_author).
    target: Token | None = None


@dataclass
class ArticleContext:
    article_id: str
    date: dt.date | None
    source: str | None = None
    url: str | None = None


class EventExtractor:
    """Turns a parsed, cleaned article into event records."""

    def __init__(self, lexicon: Lexicon | None = None, min_confidence: float = 0.35) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.modality = ModalityReader(self.lexicon)
        # Trigger readings of the sentence being coded, by token index (one extractor codes
        # one article at a time).
        self._readings_cache: dict[int, list[Trigger]] = {}
        # The events of the article coded so far, for "the move" that names one of them.
        self._earlier: list[EventRecord] = []
        self.min_confidence = min_confidence
        cues = self.lexicon.cues
        self.speech_verbs = cues["speech_verbs"]
        self.content_types = cues["content_types"]
        self.time_marks = cues["time_marks"]

    # -- the article ---------------------------------------------------------

    def extract(
        self, doc: Doc, actors: ActorResolver, context: ArticleContext, text: str | None = None
    ) -> list[EventRecord]:
        """The events of a parsed article. ``text`` is the article as published when the
        parser read a re-cased copy of it (same offsets); evidence quotes it."""
        # Doc.text is rebuilt from the tokens on every access: read it once per article.
        text = doc.text if text is None else text
        records: list[EventRecord] = []
        self._earlier = records
        orphans: list[tuple[Candidate, Span]] = []
        withdrawals: list[tuple[int, Candidate, Span]] = []
        parties: Counter[str] = Counter()
        seen: set[tuple] = set()
        speaker: list[Entity] = []
        topic: list[Entity] = []
        sentences = list(doc.sents)
        for index, sentence in enumerate(sentences):
            if sentence.start > 0 and "\n" in text[doc[sentence.start - 1].idx : sentence.start_char]:
                # A new paragraph: a quote's speaker does not carry over; the topic may ("He said ...").
                speaker = []
            if not speaker:
                speaker = self._speaker_ahead(sentences, index, text, actors)
            mentions = actors.start_sentence(sentence.text)
            for mention in mentions:
                parties.update({e.code for e in mention.entities if _is_state(e.code)})
            pair = [code for code, n in parties.most_common(2) if n >= 2]
            centered = _Centered(actors, topic, pair, self.lexicon.cues["both_sides"])
            found, speaker = self._sentence(sentence, centered, speaker, mentions)
            topic = self._topic(sentence, centered) or topic
            for cand in found:
                if cand.orphan or (cand.target is not None and not cand.recipient):
                    orphans.append((cand, sentence))
                    continue
                record = self._record(cand, sentence, context, text)
                if record.event_type in self.lexicon.cues["answering_types"] and not record.recipient:
                    record = self._answer_to(record, records)
                    if not record.recipient:
                        record = self._refused_act_object(record, cand, centered)
                if not record.recipient and record.event_type in self.lexicon.cues["answering_types"]:
                    record = self._refused_party(record, cand, parties)
                # "Chile and Peru accused each other" is reciprocal: both sides are actors (CODING.md).
                mutual = (
                    cand.trigger.reciprocal
                    or record.event_type in self.lexicon.cues["shared_types"]
                    or self._at_each_other(cand.token)
                )
                if not mutual and self._unpaired(record, cand):
                    continue
                sides = {e.code for e in record.actor}
                if mutual and len(sides) > 1 and sides == {e.code for e in record.recipient}:
                    # "each other" read as both sides again: they are the actors, no recipient.
                    record = record.model_copy(update={"recipient": []})
                for directed in [record] if mutual else _each_to_the_others(record):
                    key = _dedupe_key(directed)
                    if key not in seen:
                        seen.add(key)
                        records.append(directed)
                        reading = f"{cand.trigger.event_type} {cand.trigger.mode}"
                        if reading in self.lexicon.cues["withdrawal_readings"]:
                            withdrawals.append((len(records) - 1, cand, sentence))
        for index, cand, sentence in withdrawals:
            if self._from_ally(cand, records):
                (ally_type,) = self.lexicon.cues["ally_withdrawal_type"]
                trigger = replace(cand.trigger, event_type=ally_type)
                cand.how.append("withdrawal from a state it is not fighting")
                records[index] = self._record(replace(cand, trigger=trigger), sentence, context, text)
        for cand, sentence in orphans:
            author = self._target_author(cand, records) if cand.orphan != "actor" else []
            if author:
                cand.recipient = author
                cand.orphan = ""
                cand.how.append(f"recipient {author[0].text} (author of '{cand.target}')")
            if not cand.orphan:
                record = self._record(cand, sentence, context, text)
                key = _dedupe_key(record)
                if key not in seen:
                    seen.add(key)
                    records.append(record)
                continue
            if self._at_each_other(cand.token):
                # "two of its enemies killing each other": the sides are unnamed, not the article's.
                continue
            cues = self.lexicon.cues
            other = self._other_party(cand, parties, cues["other_party_types"], cues["other_party_readings"])
            if other is None:
                continue
            if cand.orphan == "actor":
                cand.actor = [other]
            elif cand.trigger.reciprocal and cand.trigger.event_type in self.lexicon.cues["mutual_types"]:
                # A meeting between equals: both parties are actors (CODING.md).
                cand.actor = [*cand.actor, other]
            else:
                cand.recipient = [other]
            cand.how.append(f"{cand.orphan} {other.text} (the article's other main party)")
            cand.confidence = round(cand.confidence * OTHER_PARTY_DISCOUNT, 3)
            record = self._record(cand, sentence, context, text)
            key = _dedupe_key(record)
            if key not in seen and cand.confidence >= self.min_confidence:
                seen.add(key)
                records.append(record)
        records.sort(key=lambda r: (r.evidence.start, r.evidence.trigger_start))
        return records

    def _object_of_other_event(self, token: Token, trigger: Trigger) -> bool:
        """Whether an event noun is what another event acts on ("cutting military aid",
        "lifting the sanctions"): that event is coded, not the noun's own."""
        verb, role = governing_verb(token)
        if verb is None or role != "object" or self._lemma(verb) in self.lexicon.cues["light_verbs"]:
            return False
        other = self._match(verb)
        return other is not None and other.event_type != trigger.event_type

    def _at_each_other(self, token: Token) -> bool:
        """Whether the trigger's object or prepositional object is "each other" or "one another"."""
        pronouns = self.lexicon.cues["reciprocal_pronouns"]
        for child in token.children:
            if child.dep_ in ("obj", "dobj", "obl", "prep", "pobj", "nmod"):
                words = sorted([child, *(c for c in child.children if c.dep_ in ("fixed", "det", "nummod"))])
                if " ".join(t.lower_ for t in words) in pronouns:
                    return True
        return False

    def _unpaired(self, record: EventRecord, cand: Candidate) -> bool:
        """Whether several actors with no recipient, which score as a mutual event of each
        pair, did not act together: only types two sides can do jointly (a meeting, a deal,
        a clash) or an exchange ("the two nations traded threats") are mutual. In others
        ("Russia and China denied the report") the pairs are no events."""
        if record.recipient or len({e.code for e in record.actor}) < 2:
            return False
        cues = self.lexicon.cues
        if cand.trigger.reciprocal or record.event_type in cues["shared_types"]:
            return False
        return not self._exchanged(cand.token, cand.trigger)

    def _exchanged(self, token: Token, trigger: Trigger) -> bool:
        """Whether an event noun is what its sides trade ("traded threats", "exchanged accusations")."""
        verb, role = governing_verb(token) if trigger.pos == "noun" else (None, "")
        return (
            verb is not None and role == "object" and self._lemma(verb) in self.lexicon.cues["exchange_verbs"]
        )

    def _from_ally(self, cand: Candidate, records: list[EventRecord]) -> bool:
        """Whether a withdrawal is from a state the article never has the actor fighting:
        troops pulled away from an ally or partner, not back from an enemy (CODING.md)."""
        own = {e.code for e in cand.actor}
        hosts = {e.code for e in cand.recipient if _is_state(e.code)} - own
        if not own or not hosts:
            return False
        hostile = self.lexicon.cues["hostile_types"]
        for record in records:
            if record.event_type not in hostile:
                continue
            sides = {e.code for e in record.actor} | {e.code for e in record.recipient}
            if sides & own and sides & hosts:
                return False
        return True

    @staticmethod
    def _other_party(
        cand: Candidate,
        parties: Counter[str],
        other_party_types: frozenset[str],
        other_party_readings: frozenset[str] = frozenset(),
    ) -> Entity | None:
        """In an article about two states, the one the sentence does name is one side of the
        event and the other state the side it leaves open: the usual recipient of what the
        actor says or does, or the usual author of what befalls the recipient."""
        reading = f"{cand.trigger.event_type} {cand.trigger.mode}"
        if cand.trigger.event_type not in other_party_types and reading not in other_party_readings:
            return None
        top = parties.most_common(3)
        if len(top) < 2 or top[1][1] < OTHER_PARTY_MIN_MENTIONS:
            return None
        if len(top) == 3 and top[2][1] >= OTHER_PARTY_THIRD_RATIO * top[1][1]:
            # Three states named about as often: no clear pair.
            return None
        own = {e.code for e in (cand.recipient if cand.orphan == "actor" else cand.actor)}
        pair = {code for code, _ in top[:2]}
        others = sorted(pair - own)
        if len(others) != 1 or not own & pair:
            return None
        code = others[0]
        return Entity(text=code, code=code, sector=None, reason="the article's other main party")

    def _target_author(self, cand: Candidate, records: list[EventRecord]) -> list[Entity]:
        """Who did the event an accusation is about, when its sentence does not say: the
        actor of that very event if it was coded ("expressed fury over the U.S.-South Korean
        exercises"), else of the latest earlier event reported by the same word ("The Syrian
        government denounced the air strikes" after a report of U.S. air strikes), else of
        the latest event of its type shortly before."""
        target = cand.target
        if target is None:
            return []
        own = {e.code for e in cand.actor}
        kinds = {t.event_type for t in self.lexicon.triggers(self._lemma(target), "noun")}
        here = {target.idx} | {t.idx for t in target.conjuncts}
        start = target.sent.start_char
        same = [r for r in records if r.evidence.trigger_start in here]
        # "the air strikes": the article's strikes reported earlier, however far back.
        named = [
            r
            for r in records
            if r.evidence.start < start
            and r.evidence.trigger.lower() == target.lower_
            and r.event_type in kinds
        ]
        before = [
            r
            for r in records
            if r.event_type in kinds and start - ANSWER_DISTANCE <= r.evidence.start < start
        ]
        for record in [*same, *reversed(named), *reversed(before)]:
            # Unnamed gunmen are nobody an accusation names either.
            author = [e for e in record.actor if e.code not in own and e.code != "UNK" and e.sector != "UAF"]
            if author:
                return author
        return []

    def _answer_to(self, record: EventRecord, earlier: list[EventRecord]) -> EventRecord:
        """A denial or refusal with no recipient answers the latest accusation, demand or
        threat aimed at its actor (CODING.md: "REJECT towards the accuser")."""
        codes = {e.code for e in record.actor}
        answered = self.lexicon.cues["answered_types"]
        refers_back = self._refers_back(record)
        for previous in reversed(earlier):
            if record.evidence.start - previous.evidence.start > ANSWER_DISTANCE:
                break
            # A mutual accusation ("both sides accused each other") is aimed at each side.
            mutual = not previous.recipient and len({e.code for e in previous.actor}) > 1
            aimed_at_actor = codes & {e.code for e in (previous.actor if mutual else previous.recipient)}
            if previous.event_type in answered and (aimed_at_actor or refers_back):
                accuser = [e for e in previous.actor if e.code not in codes]
                if accuser:
                    return record.model_copy(
                        update={
                            "recipient": accuser,
                            "reason": record.reason
                            + f"; recipient: author of the {previous.event_type} it answers",
                        }
                    )
        return record

    def _refused_act_object(self, record: EventRecord, cand: Candidate, actors: ActorResolver) -> EventRecord:
        """A refusal that answers no request reported is aimed at the object or partner of
        the refused act ("refused to sign the G7 communique", "refused to deal with the
        court") or at the partner of the refused thing ("rejected talks with Israel")."""
        partners = self.lexicon.cues["refused_act_prepositions"]
        heads: list[Token] = []
        for act in cand.token.children:
            refused = self._match(act) if act.pos_ in VERB_POS else None
            if refused is not None and self.lexicon.types[refused.event_type].quad.endswith("CONFLICT"):
                # "refused to denounce Russia" spares Russia: no refusal aimed at it.
                continue
            if act.dep_ in ("xcomp", "acl") and act.pos_ in VERB_POS:
                heads += [
                    a.head
                    for a in attachments(act)
                    if a.head is not None
                    and (a.relation == "obj" or (a.relation == "prep" and a.prep in partners))
                ]
        for thing in attachments(cand.token):
            if thing.head is not None and (thing.relation == "obj" or thing.prep in ("to", "of")):
                heads += [a.head for a in attachments(thing.head) if a.head is not None and a.prep == "with"]
            if (
                thing.head is not None
                and thing.relation in ("obj", "prep")
                and cand.trigger.lemma in self.lexicon.cues["denial_triggers"]
            ):
                # "denied involvement in attacks on U.S. forces": whom the denied deed hit.
                heads += [
                    t
                    for t in thing.head.subtree
                    if case_of(t) in self.lexicon.cues["denied_deed_prepositions"]
                ]
        own = {(e.code, e.sector, e.name) for e in record.actor}
        for head in heads:
            if head.pos_ not in NOUN_POS or self._owned_by_pronoun(head):
                continue
            entities, text = self._resolve(head, actors, [])
            entities = [e for e in entities if (e.code, e.sector, e.name) not in own]
            if entities:
                reason = record.reason + f"; recipient {text} (object of the refused act)"
                return record.model_copy(update={"recipient": entities, "reason": reason})
        return record

    def _refused_party(self, record: EventRecord, cand: Candidate, parties: Counter[str]) -> EventRecord:
        """A denial or refusal that answers nothing reported. A denial in an article about
        two states is aimed at the other one, the usual accuser (CODING.md: "REJECT towards
        the accuser"); either, in an article about the actor's state alone, at home."""
        other = None
        if cand.trigger.lemma in self.lexicon.cues["denial_triggers"]:
            other = self._other_party(cand, parties, frozenset(self.lexicon.cues["answering_types"]))
        how = "the article's other main party"
        if other is None:
            top = parties.most_common(2)
            own = {e.code for e in record.actor}
            alone = len(top) < 2 or top[1][1] < OTHER_PARTY_MIN_MENTIONS
            if len(own) != 1 or not top or top[0][0] not in own or not alone:
                return record
            how = "its own state, the article's only main party"
            other = Entity(text=top[0][0], code=top[0][0], sector=None, reason=how)
        return record.model_copy(
            update={"recipient": [other], "reason": record.reason + f"; recipient: {how}"}
        )

    def _refers_back(self, record: EventRecord) -> bool:
        """Whether the refusal's object is a bare definite noun for a demand or offer
        ("rejected the proposal", "turned down this offer")."""
        evidence = record.evidence
        if evidence.trigger_start is None:
            return False
        at = evidence.trigger_start - evidence.start + len(evidence.trigger)
        words = evidence.sentence[at:].split()[:3]
        words = [w.strip(".,;:!?\"'’”").lower() for w in words]
        if len(words) >= 2 and words[0] in ("down", "out"):
            words = words[1:]
        return (
            len(words) >= 2
            and words[0] in ("the", "this", "that", "these", "those")
            and words[1] in self.lexicon.cues["answered_nouns"]
        )

    def _topic(self, sentence: Span, actors: ActorResolver) -> list[Entity]:
        """The subject of the sentence's main clause: what "he", "it" or "they" most likely
        refer to in the next sentence."""
        subject, passive, _ = subject_of(sentence.root)
        if subject is None:
            # A sentence whose root is not a verb (a parse slip): its first subject.
            subject = next((t for t in sentence if t.dep_ in SUBJECT_DEPS), None)
            passive = subject is not None and subject.dep_ not in ("nsubj", "csubj")
        if subject is None or passive or subject.lower_ in PRONOUNS:
            return []
        return actors.resolve(phrase(subject, keep_modifiers=False).text)

    # -- one sentence --------------------------------------------------------

    def _sentence(
        self,
        sentence: Span,
        actors: ActorResolver,
        speaker: list[Entity],
        mentions: Sequence[MentionLike] = (),
    ) -> tuple[list[Candidate], list[Entity]]:
        saying = [t for t in sentence if t.pos_ in VERB_POS and self._lemma(t) in self.speech_verbs]
        sentence_speaker = self._speaker(saying, actors) or speaker
        self._readings_cache = {}
        named = self._locate(sentence, mentions)
        found: list[Candidate] = []
        for token in sentence:
            trigger = self._match(token)
            if trigger is None:
                continue
            if (
                trigger.pos == "verb"
                and token.dep_ == "amod"
                and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in token.children)
                and not misread_participle(token)
            ):
                # "jailed insurgents", "targeted killings": a participle used as an adjective.
                continue
            if (
                trigger.pos == "verb"
                and self._lemma(token) in self.lexicon.cues["alignment_verbs"]
                and self._describes(token)
                and not self._backed_by(token, self.lexicon.cues["acting_backers"])
            ):
                # "Hezbollah, backed by Iran, condemned ...": who stands behind whom, not an act.
                continue
            if trigger.pos == "noun" and token.dep_ == "compound" and token.head.i > token.i:
                # "attack helicopters", "strike force": the noun names a kind of thing here.
                continue
            if token.pos_ == "PROPN" and token.is_title and token.i > sentence.start:
                # "the Minsk Agreement", "the Paris Summit": part of a name.
                continue
            if self._is_content(token):
                continue
            if trigger.pos == "noun" and self._object_of_other_event(token, trigger):
                continue
            # "sent bombers over Korea" is no AID without a recipient, but a MOBILIZE:
            # the first reading whose arguments the sentence gives wins.
            orphan: Candidate | None = None
            for reading in self._readings(token):
                cand = self._arguments(
                    Candidate(reading, token),
                    actors,
                    sentence_speaker,
                    named,
                )
                if cand is not None and cand.orphan:
                    orphan = orphan or cand
                elif cand is not None:
                    found.append(cand)
                    break
            else:
                if orphan is not None:
                    found.append(orphan)
        found.extend(self._reported(saying, actors, sentence_speaker))
        if not saying and speaker and any(t.text in OPENING_QUOTES | CLOSING_QUOTES for t in sentence):
            found.extend(self._quoted_praise(sentence, actors, speaker, named))
        return found, sentence_speaker

    def _match(self, token: Token) -> Trigger | None:
        """The likeliest trigger reading of the word, if any."""
        readings = self._readings(token)
        return readings[0] if readings else None

    def _readings(self, token: Token) -> list[Trigger]:
        """Every trigger reading whose conditions the word meets, likeliest first (cached per sentence)."""
        if token.i not in self._readings_cache:
            self._readings_cache[token.i] = self._find_readings(token)
        return self._readings_cache[token.i]

    def _find_readings(self, token: Token) -> list[Trigger]:
        if token.pos_ in VERB_POS:
            pos = "verb"
        elif token.pos_ in NOUN_POS:
            pos = "noun"
        elif token.pos_ in ADJ_POS:
            pos = "adjective"
        else:
            return []
        triggers: tuple[Trigger, ...] = ()
        for lemma in self.lexicon.lemmas(token.lower_, token.lemma_.lower()):
            triggers = self.lexicon.triggers(lemma, pos)
            if triggers:
                break
        if not triggers:
            return []
        atts = attachments(token)
        calendar = self.lexicon.cues["calendar_words"]
        cues = (
            # "a phone call on Friday" is no "call on" anyone.
            {a.prep for a in atts if a.prep and not (a.head is not None and a.head.lower_ in calendar)}
            | {self._lemma(a.head) for a in atts if a.head is not None and a.relation == "prep"}
            | {
                self._lemma(a.head)
                for a in atts
                if a.head is not None and a.relation in ("obj", "mod", "prt")
            }
            | {a.head.lower_ for a in atts if a.head is not None and a.relation in ("obj", "mod", "prt")}
        )
        if any(
            is_infinitive(c)
            for c in token.subtree
            if c.i != token.i
            and c.head.i == token.i
            or (c.head.head.i == token.i and c.head.dep_ in ("dobj", "obj", "pobj", "obl", "prep"))
        ):
            cues.add("to-infinitive")
        # A particle the parser hung on the object ("called [off talks]") is the verb's.
        cues |= {
            c.lower_
            for a in atts
            if a.relation == "obj" and a.head is not None
            for c in a.head.children
            if c.dep_ == "case" and c.i < a.head.i
        }
        if any(c.dep_ == "ccomp" for c in token.children):
            cues.add("that-clause")
        if self._asks_question(token):
            cues.add("question")
        if any(a.relation == "obj" for a in atts):
            cues.add("direct-object")
        # "hit China with $50 billion in tariffs", "hit by a series of sanctions": the measure
        # behind an amount.
        amounts = self.lexicon.cues["batch_nouns"]
        cues |= {
            self._lemma(c)
            for a in atts
            if a.relation == "prep"
            and a.head is not None
            and (a.head.like_num or a.head.pos_ in AMOUNT_POS or self._lemma(a.head) in amounts)
            for n in a.head.children
            if n.dep_ in ("nmod", "pobj")
            for c in (n, *n.conjuncts)
            if c.pos_ == "NOUN"
        }
        # "Those sanctions targeted the minister": a thing as subject says what kind of act it is.
        cues |= {
            self._lemma(a.head)
            for a in atts
            if a.relation == "subj" and a.head is not None and a.head.pos_ == "NOUN"
        }
        # "fought alongside Somali forces": a preposition the parser read as an adverb.
        cues |= {c.lower_ for c in token.children if c.dep_ == "advmod" and c.pos_ == "ADP"}
        # "pressed on with": an adverbial particle, not the preposition of "pressed Iran on trade".
        cues |= {
            f"{c.lower_}-particle" for c in token.children if c.dep_ in ("advmod", "prt", "compound:prt")
        }
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if after is not None and after.dep_ == "mark" and after.head.head.i == token.i:
            # "is called upon not to": the parser makes the particle mark the clause after it.
            cues.add(f"{after.lower_}-particle")
        if token.dep_ == "acl" and token.tag_ == "VBG":
            # "Russian forces backing the regime": the noun a participle describes is its subject.
            cues.add(self._lemma(token.head))
        # "would retaliate": a trigger may need an auxiliary of the future.
        cues |= {c.lower_ for c in token.children if c.dep_ == "aux"}
        # "declined to comment": the verb of the complement.
        cues |= {self._lemma(c) for c in token.children if c.dep_ == "xcomp"}
        predicates = [
            c for c in token.children if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN")
        ]
        objects_in_order = [c for c in token.children if c.dep_ in ("obj", "dobj") and c.i > token.i]
        if len(objects_in_order) > 1 and objects_in_order[-1].pos_ in ("NOUN", "ADJ"):
            # "called Mexico an abuser": the parser reads the predicate as a second object.
            predicates.append(objects_in_order[-1])
        # "called Israel's response unacceptable": an adjective after the object is said of it.
        predicates += [
            c
            for o in objects_in_order[:1]
            for c in o.children
            if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > o.i and not any(c.children)
        ]
        if predicates:
            # "called the launch an outrageous act": a predicate about the object.
            cues.add("predicate")
            cues |= {self._lemma(c) for c in predicates}
        # "described the strikes as terrorism": what the object is said to be.
        predicates += [a.head for a in atts if a.prep == "as" and a.head is not None]
        predicates += [
            c
            for c in token.children
            if any(g.lower_ == "as" and g.dep_ in ("case", "mark") for g in c.children)
        ]
        if any(t.lower_ in self.lexicon.cues["accusation_words"] for c in predicates for t in c.subtree):
            cues.add("accusing-predicate")
        elif any(t.lower_ in self.lexicon.cues["praise_words"] for c in predicates for t in c.subtree):
            cues.add("praising-predicate")
        objects = {
            self._lemma(a.head) for a in atts if a.relation in ("obj", "subjpass") and a.head is not None
        }
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
            # "a video released by the group", "prisoners freed by Israel": the noun a passive
            # participle describes is what is acted on.
            objects.add(self._lemma(token.head))
            cues.add(self._lemma(token.head))
        # "slapped a series of sanctions on": the measure behind a word for a batch of them.
        measured = {
            self._lemma(b.head)
            for a in atts
            if a.relation in ("obj", "subjpass")
            and a.head is not None
            and self._lemma(a.head) in self.lexicon.cues["batch_nouns"]
            for b in attachments(a.head)
            if b.relation == "prep" and b.prep == "of" and b.head is not None
        }
        objects |= measured
        cues |= measured
        if pos == "noun":
            objects |= {self._lemma(a.head) for a in atts if a.relation == "mod" and a.head is not None}
            if token.dep_ in ("compound",):
                objects.add(self._lemma(token.head))
            verb, role = governing_verb(token)
            if verb is not None and role == "object":
                # "declared a ceasefire": the verb an event noun is the object of.
                cues.add(self._lemma(verb))
            # "poses a threat", "the threat posed by Iran", "deter the threat": a danger met or
            # judged, unless the noun names the act threatened ("a threat of invasion").
            judged = {self._lemma(c) for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"}
            if verb is not None and role == "object":
                judged.add(self._lemma(verb))
            if judged & self.lexicon.cues["danger_verbs"] and "of" not in {a.prep for a in atts}:
                cues.add("danger")
            if any(c.dep_ == "cop" for c in token.children):
                # "Cuba is a threat to the US": the noun says what something is.
                cues.add("be")
            own = case_of(token)
            if own is not None:
                # "struck back in retaliation": the preposition the noun itself stands behind.
                cues.add(f"{own}-phrase")
        readings = [
            trigger
            for trigger in triggers
            if not (trigger.requires and not trigger.requires & cues)
            and not (trigger.unless and trigger.unless & cues)
            and not (trigger.objects and not trigger.objects & objects)
        ]
        return sorted(readings, key=lambda t: -t.confidence)

    def _lemma(self, token: Token) -> str:
        return self.lexicon.lemma(token.lower_, token.lemma_.lower())

    @staticmethod
    def _headline_passive(token: Token) -> bool:
        """Whether a headline verb is a passive without its auxiliary, which parsers read as
        active: "Minister condemned for remarks", "Army accused of using cluster munitions"."""
        sentence = token.sent
        if sentence.start != 0 or token.tag_ not in ("VBD", "VBN") or not token.lower_.endswith("ed"):
            return False
        if "\n" not in sentence[-1].text:
            return False  # a headline is a paragraph of its own
        return EventExtractor._reduced_passive(token)

    def _backed_by(self, token: Token, backers: frozenset[str]) -> bool:
        """Whether the agent of a passive participle is one of ``backers`` ("backed by US forces")."""
        return any(
            a.relation == "prep" and a.prep == "by" and a.head is not None and self._lemma(a.head) in backers
            for a in attachments(token)
        )

    @staticmethod
    def _describes(token: Token) -> bool:
        """Whether a verb is a bare passive participle or a passive relative clause describing
        a noun ("the rebels, backed by Russia", "the regime, which is backed by Iran")."""
        if token.tag_ != "VBN":
            return False
        if token.dep_ in ("acl", "advcl"):
            return not any(c.dep_ in ("aux", "auxpass", "aux:pass") for c in token.children)
        return token.dep_ in ("relcl", "acl:relcl") and any(
            c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in token.children
        )

    def _asks_question(self, token: Token) -> bool:
        """Whether a verb of asking asks a question: "asked whether the leader was killed",
        "asked what a war would look like", '"Do you want ...?" he asked', "when asked about it"."""
        words = self.lexicon.cues["question_words"]
        for child in token.children:
            if child.i < token.i:
                if (
                    child.dep_ in ("advmod", "mark")
                    and child.lower_ in words
                    and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
                ):
                    return True  # "when asked about Trump": the subject is the one asked
                continue
            if child.tag_ in ("WDT", "WP", "WRB") or child.lower_ in ("whether", "if"):
                return True
            if child.dep_ in ("ccomp", "xcomp", "advcl") and next(iter(child.subtree)).lower_ in words:
                return True
        head = token.head
        return token.dep_ == "parataxis" and any(c.text == "?" for c in head.children)

    def _is_content(self, token: Token) -> bool:
        """Whether the word is the content of a request, threat, promise ... (not an event of its own)."""
        if token.pos_ in NOUN_POS and case_of(token) in self.lexicon.cues["frame_prepositions"]:
            # "urged X to leave, in a phone call": the event the request was made in.
            return False
        current = token
        for _ in range(5):
            head = current.head
            if head.i == current.i:
                return False
            if current.dep_ == "conj":
                # "deepen coordination and cooperation": the second conjunct shares the first one's place.
                current = head
                continue
            if any(c.dep_ == "mark" and c.lower_ in self.time_marks for c in current.children):
                # "promised retaliation after accusing Kyiv": an event of its own, before the promise.
                return False
            if current.dep_ in CONTENT_DEPS or (
                current.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in ("of", "for") for c in current.children)
            ):
                trigger = self._match(head)
                if trigger is not None and trigger.event_type in self.content_types:
                    return True
                current = head
                continue
            return False
        return False

    # -- arguments -----------------------------------------------------------

    @staticmethod
    def _linking(noun: Token, verb: Token) -> set[str]:
        """The prepositions by which ``noun`` hangs on ``verb``."""
        return {a.prep for a in attachments(verb) if a.prep and a.head is not None and a.head.i == noun.i}

    def _befalls(self, noun: Token, verb: Token, role: str) -> bool:
        """Whether the event noun happens to the clause subject ("came under attack")."""
        return role == "oblique" and bool(
            self._linking(noun, verb) & self.lexicon.cues["victim_prepositions"]
        )

    def _frames(self, noun: Token, verb: Token, role: str) -> bool:
        """Whether the clause subject of ``verb`` is the actor of the event noun."""
        cues = self.lexicon.cues
        if role == "object":
            return self._lemma(verb) in cues["light_verbs"]
        return role == "oblique" and bool(self._linking(noun, verb) & cues["frame_prepositions"])

    def _resolve(self, head: Token, actors: ActorResolver, speaker: list[Entity]) -> tuple[list[Entity], str]:
        cues = self.lexicon.cues
        if is_expletive(head):
            return [], f"'{head.text}' stands for a clause"
        if head.lower_ == "its" and head.dep_ in ("nmod:poss", "poss"):
            # "North Korea is angry over the push for UN sanctions over its nuclear test":
            # "its" is the sentence's subject rather than the last name before it, unless
            # it hangs on a name ("the US and its allies").
            owned = head.head
            subject, passive, _ = subject_of(head.sent.root)
            if (
                subject is not None
                and not passive
                and subject.i < head.i
                and subject.lower_ not in PRONOUNS
                and not (owned.dep_ == "conj" and owned.head.pos_ == "PROPN")
                and not any(c.dep_ == "conj" and c.i < owned.i for c in owned.head.children)
            ):
                entities = actors.resolve(phrase(subject, keep_modifiers=False).text)
                if entities and not any(e.office or getattr(e, "pid", None) is not None for e in entities):
                    return entities, f"'{head.text}' (the sentence's subject, '{subject.text}')"
        if is_first_person(head) and speaker:
            return list(speaker), "speaker of the quote"
        if head.lower_ in PRONOUNS and head.dep_ in SUBJECT_DEPS:
            # "Israel's military said it struck ...": a pronoun subject of reported speech is the speaker.
            # So is that of any clause embedded under a subject ("Mexico signalled it would
            # retaliate"), when person and number fit ("he" is a person, "it" is not).
            said = head.head
            if said.dep_ == "ccomp" or (said.dep_ == "advcl" and said.head.pos_ in VERB_POS):
                reporter, _, _ = subject_of(said.head)
                before = said.head.doc[said.head.i - 1] if said.head.i > 0 else None
                if (
                    reporter is None
                    and before is not None
                    and before.pos_ == "PROPN"
                    and self._lemma(said.head) in self.speech_verbs
                ):
                    # "a day after North Korea said it was ...", with the name hung elsewhere:
                    # the name right before the verb of saying is its subject.
                    while before.dep_ in ("flat", "compound") and before.head.i > before.i:
                        before = before.head
                    reporter = before
                if (
                    reporter is not None
                    and reporter.lower_ not in PRONOUNS
                    and not is_first_person(reporter)
                    and (LABELS.role(reporter.ent_type_) == "person") == (head.lower_ in PERSONAL)
                ):
                    entities = actors.resolve(phrase(reporter, keep_modifiers=False).text)
                    if entities:
                        return entities, f"'{head.text}' (the speaker, '{reporter.text}')"
        if head.lower_ in cues["vague_objects"] and head.dep_ not in SUBJECT_DEPS:
            # "China will support them": an object pronoun points too far back to trust.
            return [], f"'{head.text}' is too vague"
        relational = self._lemma(head) in cues["relational_heads"]
        if head.pos_ == "NOUN" and not relational:
            # "Israeli strikes killed ...", "rejected Russia's proposal": a thing or an event
            # is not an actor, but its author is.
            for child in head.children:
                if (
                    child.dep_ in ("amod", "compound", "nmod:poss", "poss", "nmod")
                    and child.i < head.i
                    and child.pos_ in ("PROPN", "ADJ", "NOUN", "PRON")
                    and child.tag_ not in ("VBN", "VBG")  # "the occupied area" has no author
                ):
                    entities = actors.resolve(phrase(child).text)
                    if entities:
                        return entities, f"'{child.text}' (author of '{head.text}')"
            # A noun that reports an event only with a word it lacks ("action against") is a thing.
            event_noun = any(not t.requires for t in self.lexicon.triggers(self._lemma(head), "noun"))
            # "attacks by Hamas" and "the headquarters of Russia's unit" name their owner;
            # "the bombardment of Lebanon" names its target.
            owners = cues["author_prepositions"] if event_noun else cues["thing_owner_prepositions"]
            entities, owner = self._behind(head, owners, actors)
            if entities:
                return entities, f"'{owner}' (author of '{head.text}')"
            if event_noun:
                return [], f"'{head.text}' is an event, not an actor"
        span = phrase(head, keep_modifiers=relational, owner_preps=cues["owner_prepositions"])
        if head.pos_ == "NOUN" and not relational and not any(t.text[:1].isupper() for t in span):
            # "the drone salvo", "spare parts": a thing, whatever surname it shares.
            return [], f"'{span.text}' names no actor"
        # Where the phrase starts in its sentence: a reference ("its") sees only what was named before.
        entities = [] if relational else _name_of(head, actors)
        if entities:
            span = phrase(head, owner_preps=("of",))
        else:
            entities = actors.resolve(span.text, span.start_char - span.sent.start_char)
        if not entities and relational:
            # "Negotiators from both countries": the owner speaks for the people it owns.
            entities, owner = self._behind(head, cues["owner_prepositions"], actors)
            if entities:
                return entities, f"'{span.text}' (owner '{owner}')"
        return entities, f"'{span.text}'"

    def _offered(self, token: Token) -> bool:
        """Whether the trigger is what its actor is willing or ready to do ("willing to talk
        with Washington"): an offer made to the other side, not a meeting of both."""
        head = token
        for _ in range(2):
            if head.dep_ not in ("xcomp", "acl", "advcl") or head.head.i == head.i:
                return False
            head = head.head
            if head.pos_ == "ADJ" and self._lemma(head) in self.lexicon.cues["future_adjectives"]:
                return True
        return False

    @staticmethod
    def _after_that(
        token: Token, actors: ActorResolver, speaker: list[Entity], actor: list[Entity]
    ) -> tuple[list[Entity], str]:
        """The noun phrase opening a that-clause right after a demanding verb, read off the
        words when the parse lost the clause: "demanded that the organization block X's entry"
        parsed "block" as a noun and left no subject to find."""
        doc = token.doc
        that = token.i + 1
        if that >= len(doc) or doc[that].lower_ != "that" or doc[that].sent.start != token.sent.start:
            return [], ""
        end = that + 1
        while end < min(len(doc), that + 5) and doc[end].pos_ in ("DET", "ADJ", "PROPN", "NOUN"):
            end += 1
            if doc[end - 1].pos_ in ("NOUN", "PRON", "PROPN") and doc[end].pos_ not in ("PROPN", "PART"):
                break
        span = doc[that + 1 : end]
        if not span or not any(t.pos_ in ("NOUN", "PROPN") for t in span):
            return [], ""
        entities = actors.resolve(span.text, span.start_char - span.sent.start_char)
        own = {a.code for a in actor}
        return [e for e in entities if e.code not in own], f"'{span.text}'"

    def _owned_by_pronoun(self, head: Token) -> bool:
        """Whether an object is a thing owned by a pronoun ("her freedom", "its blockade")."""
        return (
            head.pos_ == "NOUN"
            and self._lemma(head) not in self.lexicon.cues["relational_heads"]
            and any(c.dep_ in ("nmod:poss", "poss") and c.pos_ == "PRON" for c in head.children)
        )

    @staticmethod
    def _behind(head: Token, preps: frozenset[str], actors: ActorResolver) -> tuple[list[Entity], str]:
        """The first actor named behind one of ``preps`` on ``head``, and its text."""
        for att in attachments(head):
            if att.relation == "prep" and att.prep in preps and att.head is not None:
                entities = _name_of(att.head, actors) or actors.resolve(
                    phrase(att.head, keep_modifiers=False).text
                )
                if entities:
                    return entities, att.head.text
        return [], ""

    def _arguments(
        self,
        cand: Candidate,
        actors: ActorResolver,
        speaker: list[Entity],
        named: Sequence[Named] = (),
    ) -> Candidate | None:
        token, trigger = cand.token, cand.trigger
        atts = attachments(token)
        actor_heads: list[tuple[Token, str]] = []
        recipient_atts: list[Attachment] = []
        received = False  # the clause subject receives the event ("came under criticism")
        harmed_subject = False  # the clause subject was killed or hurt in the event ("killed in strikes")
        cues = self.lexicon.cues
        commentators = False  # the subject only comments ("analysts warned that ...")
        behest_subject: Token | None = None  # who acted "at the request of" someone
        if trigger.pos in ("verb", "adjective"):
            subject, passive, how = subject_of(token)
            commentators = subject is not None and self._lemma(subject) in cues["commentator_nouns"]
            if how == "modified noun" and any(
                c.dep_ == "mark" and c.lower_ in self.time_marks for c in token.children
            ):
                # "promised retaliation after accusing Kyiv": a time clause the parser hung on a
                # noun; whoever the sentence is about did it.
                verb = next((a for a in token.ancestors if a.pos_ in VERB_POS), None)
                if verb is not None:
                    subject, passive, _ = subject_of(verb)
                    how = "subject of governing verb"
            if (
                not passive
                and subject is not None
                and (
                    self._headline_passive(token)
                    or (
                        how == "subject"
                        and trigger.event_type in self.lexicon.cues["directed_types"]
                        and "obj" in trigger.recipient
                        and self._reduced_passive(token)
                    )
                )
            ):
                passive = True
            if passive:
                agents = [a for a in atts if a.relation == "prep" and a.prep == "by"]
                if agents and agents[0].head is not None:
                    actor_heads.append((agents[0].head, "agent of passive"))
                if subject is not None and trigger.event_type in self.lexicon.cues["deploying_types"]:
                    # "NATO jets were deployed": what is moved belongs to the mobilising side.
                    actor_heads.append((subject, "deployed forces"))
                elif subject is not None:
                    recipient_atts.append(Attachment("obj", subject))
            elif subject is not None:
                actor_heads.append((subject, how))
        else:
            if case_of(token) in cues["behest_prepositions"] and trigger.event_type == "REQUEST":
                # "called off the strikes at the request of Qatar": the of-phrase asked, and
                # whoever acted on it was asked.
                askers = [a.head for a in atts if a.relation == "prep" and a.prep == "of" and a.head]
                # "at the request of allies, including Qatar": the allies named.
                askers += [
                    b.head
                    for h in [token, *askers]
                    for b in attachments(h)
                    if b.relation == "prep" and b.prep in ("including", "like") and b.head
                ]
                actor_heads.extend((h, "of-phrase") for h in askers)
                verb, _ = governing_verb(token)
                if verb is None and token.head.pos_ in NOUN_POS:
                    # "postponed the talks at the request of": the parser hangs it on the object.
                    verb, role = governing_verb(token.head)
                    verb = verb if role == "object" else None
                subject, verb_passive, _ = subject_of(verb) if verb is not None else (None, False, "")
                if askers and subject is not None and not verb_passive:
                    behest_subject = subject
            for att in atts:
                if att.relation == "poss" and att.head is not None:
                    actor_heads.append((att.head, "possessor"))
                elif (
                    att.relation == "prep"
                    and att.head is not None
                    and (att.prep == "by" or (att.prep == "from" and "from" not in trigger.recipient))
                ):
                    actor_heads.append((att.head, f"{att.prep}-phrase"))
                elif (
                    att.relation == "prep"
                    and att.head is not None
                    and att.prep == "of"
                    and trigger.event_type in self.lexicon.cues["deploying_types"]
                ):
                    # "the deployment of Egyptian reinforcements": what is moved belongs to the mover.
                    actor_heads.append((att.head, "deployed forces"))
            modifiers = [
                att.head
                for att in atts
                if att.relation == "mod"
                and att.head is not None
                and att.head.pos_ in ("ADJ", "PROPN", "NOUN")
                and att.head.i < token.i
            ]
            verb, role = governing_verb(token)
            frames = verb is not None and self._frames(token, verb, role)
            light_subject = frames and role == "object"
            if not light_subject:
                actor_heads.extend((head, "modifier") for head in modifiers)
            if (
                verb is not None
                and role == "object"
                and self._lemma(verb) in self.lexicon.cues["receiving_verbs"]
            ):
                # "the deal drew criticism from Republicans": the subject receives it.
                subject, _, _ = subject_of(verb)
                if subject is not None:
                    recipient_atts.append(Attachment("obj", subject))
                    received = True
                actor_heads.extend(
                    (a.head, f"{a.prep}-phrase of '{verb.text}'")
                    for a in attachments(verb)
                    if a.relation == "prep" and a.prep in ("from", "by") and a.head is not None
                )
            elif verb is not None and self._befalls(token, verb, role):
                subject, _, _ = subject_of(verb)
                if subject is not None:
                    recipient_atts.append(Attachment("obj", subject))
                    received = True
            elif verb is not None and frames:
                subject, verb_passive, how = subject_of(verb)
                if subject is not None and not verb_passive:
                    actor_heads.append((subject, f"subject of '{verb.text}'"))
                elif subject is not None and verb_passive and role == "oblique":
                    # "Two men were killed in Israeli strikes": the victims are the recipient.
                    recipient_atts.append(Attachment("obj", subject))
                    harmed = {t.event_type for t in self.lexicon.triggers(self._lemma(verb), "verb")}
                    harmed_subject = bool(harmed & set(cues["armed_party_types"]))
            if verb is not None and trigger.reciprocal and not frames and not received:
                # "Rubio arrived in India ahead of a meeting with his counterparts": whoever
                # the clause is about takes part in the meeting it mentions (tried last).
                subject, verb_passive, _ = subject_of(verb)
                if subject is not None and not verb_passive:
                    actor_heads.append((subject, f"subject of '{verb.text}'"))
            if light_subject:
                # "Israel escalates Gaza attacks": with a light verb's subject as the actor,
                # a named modifier is the target; without one it is the author ("Israeli strikes").
                actor_heads.extend((head, "modifier") for head in modifiers)
                recipient_atts.extend(Attachment("obj", head) for head in modifiers if head.pos_ == "PROPN")

        if behest_subject is not None:
            actor_heads = [(h, how) for h, how in actor_heads if how == "of-phrase"]
        actor: list[Entity] = []
        how_parts: list[str] = []
        named_by_adjective = False
        for head, how in actor_heads:
            entities, text = self._resolve(head, actors, speaker)
            if entities:
                actor = entities
                how_parts.append(f"actor {text} ({how})")
                named_by_adjective = how == "modifier" and head.pos_ in ("ADJ", "PROPN")
                break

        if behest_subject is not None and not actor:
            return None  # who asked is unnamed, and the one asked is no asker
        place_cache: list[tuple[Span, list[Entity]]] | None = None

        def places() -> list[tuple[Span, list[Entity]]]:
            nonlocal place_cache
            if place_cache is None:
                place_cache = list(self._places(token, actors))
            return place_cache

        recipient: list[Entity] = []
        reciprocal_parties = False
        owned_object = False
        roles = list(trigger.recipient)
        if (
            trigger.pos == "noun"
            and (received or harmed_subject)
            and "obj" not in roles
            and trigger.event_type in cues["armed_party_types"]
        ):
            # "troops came under attack", "two Palestinians were killed in Israeli strikes": the
            # clause subject the event noun befalls is its recipient, whatever the noun's own roles.
            roles.insert(0, "obj")
        # "urged allies not to give in to Russian blackmail": with the one asked named, the
        # demanded act's own phrases name no one else asked.
        addressed = trigger.event_type in cues["asking_types"] and any(a.relation == "obj" for a in atts)
        near = self._recipient_places(token, trigger, atts, addressed)
        for role in roles:
            if role == "obj":
                heads = [a.head for a in recipient_atts + atts if a.relation == "obj" and a.head is not None]
                if trigger.event_type in self.lexicon.cues["aimed_content_types"]:
                    # "offered to sell the Philippines weapons", "threatened to strike Iran": whom
                    # the promised or threatened act is aimed at.
                    heads += [
                        c
                        for x in token.children
                        if x.dep_ == "xcomp" and x.pos_ in VERB_POS
                        for c in x.children
                        if c.dep_ in ("obj", "dobj", "iobj", "dative") and c.pos_ in NOUN_POS
                    ]
            else:
                heads = [
                    a.head for a in near if a.relation == "prep" and a.prep == role and a.head is not None
                ]
            for head in heads:
                if role == "obj" and self._owned_by_pronoun(head):
                    # "restricted her freedom", "defended his decision": whose the thing is
                    # says nothing of whom the act is aimed at, nor does a name after it.
                    owned_object = True
                    continue
                entities, text = self._resolve(head, actors, speaker)
                if trigger.event_type in cues["armed_party_types"]:
                    entities, text = self._with_armed_men(
                        head, entities, text, places, role == "between", actor
                    )
                if (
                    entities
                    and actor
                    and {e.code for e in entities} <= {e.code for e in actor}
                    and self._lemma(head) in self.lexicon.cues["posted_nouns"]
                ):
                    # "Turkey recalled its ambassadors to Israel": its own diplomats are
                    # not the recipient, the state they are posted to is.
                    posted_preps = self.lexicon.cues["posted_prepositions"]
                    posted, where = self._behind(head, posted_preps, actors)
                    if not posted and head.head.i == token.i:
                        posted, where = self._behind(token, posted_preps, actors)  # parse slip
                    if posted:
                        entities, text = posted, f"'{where}' (where '{head.text}' is posted)"
                if (
                    not entities
                    and cand.target is None
                    and trigger.event_type in self.lexicon.cues["directed_types"]
                    and head.pos_ == "NOUN"
                    and self.lexicon.triggers(self._lemma(head), "noun")
                ):
                    cand.target = head
                if entities:
                    recipient = entities
                    reciprocal_parties = role in ("with", "between")
                    if role == "between" and len({e.code for e in entities}) == 1 < len(entities):
                        # "fighting between Syrian troops and rebels": a domestic conflict, X -> X.
                        actor, recipient = entities[:1], entities[1:]
                        how_parts = [p for p in how_parts if not p.startswith("actor")]
                    elif role == "between" and len(entities) > 1:
                        # "talks between X and Y": the parties are the actors, whoever else is named.
                        actor, how_parts = [], [p for p in how_parts if not p.startswith("actor")]
                    how_parts.append(f"recipient {text} ({role})")
                    break
            if recipient:
                break
        if behest_subject is not None and actor:
            entities, text = self._resolve(behest_subject, actors, speaker)
            recipient = [e for e in entities if e.code not in {a.code for a in actor}]
            if recipient:
                how_parts.append(f"recipient {text} (acted at the request)")
        if not recipient and actor and trigger.event_type in self.lexicon.cues["deed_reaction_types"]:
            recipient, how = self._deed_author(token, actor)
            if recipient:
                how_parts.append(how)
        if not recipient and trigger.event_type in cues["conditional_types"]:
            # "warned that more attacks would come unless Hezbollah stops ...": whoever must meet
            # the condition is the one threatened.
            conditions = [
                c
                for c in token.subtree
                if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
            ]
            own = {a.code for a in actor}
            for condition in conditions:
                comp_subject, comp_passive, _ = subject_of(condition)
                if comp_subject is None or comp_passive:
                    continue
                entities, text = self._resolve(comp_subject, actors, speaker)
                entities = [e for e in entities if e.code not in own]
                if entities:
                    recipient = entities
                    how_parts.append(f"recipient {text} (who must meet the condition)")
                    break
        if not recipient and trigger.location_recipient:
            recipient, how = self._location(places(), actor)
            if recipient:
                how_parts.append(how)
        elif recipient and trigger.location_recipient and not any(_is_state(e.code) for e in recipient):
            # "airstrikes against the Islamic State in Iraq and Syria": a group of no one state
            # is coded by the states where it is attacked (CODING.md: the country of the event).
            states = self._states_at(places(), actor)
            if states:
                recipient = states
                how_parts.append("recipients: the states where the group was attacked")
        if not recipient and trigger.event_type in self.lexicon.cues["demanding_types"]:
            # "demanded that NATO block ...", "called for the government to retaliate":
            # the subject of the demanded clause is the recipient.
            clauses = [a.head for a in atts if a.relation == "ccomp" and a.head is not None]
            clauses += [
                c
                for c in token.subtree
                if c.dep_ in ("advcl", "acl", "xcomp", "ccomp", "pcomp")
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            ]
            for clause in clauses:
                if clause is not None:
                    comp_subject, comp_passive, _ = subject_of(clause)
                    if comp_subject is not None and not comp_passive and comp_subject.head.i == clause.i:
                        entities, text = self._resolve(comp_subject, actors, speaker)
                        # "warned that Tehran would respond": the speaker's own side is no recipient;
                        # an accusation may be domestic ("said militants had infiltrated the army").
                        own = {a.code for a in actor}
                        entities = [
                            e
                            for e in entities
                            if e.code not in own
                            or (
                                trigger.event_type in cues["directed_types"]
                                and e not in actor
                                # "castigated what IRNA described as ...": a thing, not a charge.
                                and clause.left_edge.lower_ not in ("what", "whatever")
                            )
                        ]
                        if entities:
                            recipient = entities
                            how_parts.append(f"recipient {text} (subject of the demanded clause)")
                            break
            if not recipient:
                recipient, text = self._after_that(token, actors, speaker, actor)
                if recipient:
                    how_parts.append(f"recipient {text} (first words of the demanded clause)")
            if not recipient and trigger.event_type in cues["asking_types"]:
                # "demanded North Korea's denuclearization", "called for Assad's resignation":
                # whose act is demanded is asked for it (not whose people: "direct our forces").
                demanded = [
                    a.head
                    for a in atts
                    if a.head is not None
                    and (a.relation == "obj" or a.prep == "for")
                    and self._lemma(a.head) not in cues["relational_heads"]
                ]
                owners = [c for d in demanded for c in d.children if c.dep_ in ("poss", "nmod:poss")]
                for owner in owners:
                    entities, text = self._resolve(owner, actors, speaker)
                    entities = [e for e in entities if e.code not in {a.code for a in actor}]
                    if entities:
                        recipient = entities
                        how_parts.append(f"recipient {text} (whose act is demanded)")
                        break

        fallback = 1.0
        if not actor and trigger.location_actor and places():
            span, entities = places()[0]
            actor = list(entities)
            how_parts.insert(0, f"actor '{span.text}' (where it happened)")
        unnamed = [h for h, _ in actor_heads if self._lemma(h) in self.lexicon.cues["unnamed_armed_groups"]]
        if not actor and unnamed and places():
            span, entities = places()[0]
            actor = [
                e.model_copy(
                    update={"text": phrase(unnamed[0]).text, "sector": "UAF", "name": None, "office": None}
                )
                for e in entities[:1]
            ]
            how_parts.insert(0, f"actor '{unnamed[0].text}' (unnamed armed men in '{span.text}')")
        home = [h for h in unnamed if self._lemma(h) in cues["domestic_armed_groups"]]
        foes = [e for e in recipient if _is_state(e.code)]
        if not actor and home and foes and trigger.event_type in cues["armed_party_types"]:
            # "Ukrainian troops were attacked by rebels": rebels fight the state they belong to.
            actor = [
                foes[0].model_copy(
                    update={"text": phrase(home[0]).text, "sector": "REB", "name": None, "office": None}
                )
            ]
            how_parts.insert(0, f"actor '{home[0].text}' (rebels of the state they attack)")
        between = any(p.endswith("(between)") for p in how_parts)
        if (
            not actor
            and not between
            and not (reciprocal_parties and len(recipient) > 1 and trigger.reciprocal)
        ):
            # The parse gave no actor we know: take the nearest actor named before the trigger.
            # Unnamed armed men coded by where they fight may share the actor's state.
            taken = {e.code for e in recipient if e.sector != "UAF"}
            before = [
                m
                for m in named
                if m.end <= token.idx
                and self._subject_like(m.root, token)
                # "Mexico was accused": the passive subject is the recipient, not the actor.
                and not (taken and {e.code for e in m.entities} <= taken)
            ]
            if before:
                actor = list(before[-1].entities)
                how_parts.insert(0, f"actor '{before[-1].text}' (nearest before the trigger)")
                fallback *= 0.75
        if not recipient and not trigger.solo and actor and not owned_object:
            own = {e.code for e in actor}
            clause = self._receiving_clause(token, trigger)
            # "thanked leaders including Senator X": praise of compatriots named in the
            # object is domestic support (CODING.md: actor and recipient may share a code).
            praised = (
                {t.i for c in token.children if c.dep_ in ("obj", "dobj") for t in c.subtree}
                if trigger.event_type == "SUPPORT" and self._lemma(token) in cues["praise_verbs"]
                else set()
            )
            after = [
                m
                for m in named
                if m.start >= token.idx + len(token.text)
                and (
                    not {e.code for e in m.entities} <= own
                    or (m.root.i in praised and all(e.name and e not in actor for e in m.entities))
                )
                # "praised the formation of a government in Baghdad": a name inside what is praised.
                and (self._could_receive(clause, trigger, m.root) or m.root.i in praised)
            ]
            if after:
                # "stops in Colombia, Argentina and Chile": the names coordinated with the
                # nearest one are recipients too.
                listed = {t.i for t in after[0].root.conjuncts} | {after[0].root.i}
                chosen = [m for m in after if m.root.i in listed]
                recipient = [
                    e for m in chosen for e in m.entities if e.code not in own or m.root.i in praised
                ]
                names = ", ".join(m.text for m in chosen)
                how_parts.append(f"recipient '{names}' (nearest after the trigger)")
                fallback *= 0.75

        if trigger.swap and actor and recipient:
            actor, recipient = recipient, actor
        if not actor and reciprocal_parties and len(recipient) > 1 and trigger.reciprocal:
            actor, recipient = recipient, []
        if not actor and (not recipient or trigger.reciprocal):
            return None
        if (
            trigger.pos == "noun"
            and trigger.solo
            and named_by_adjective
            and not recipient
            and len(actor) == 1
            and trigger.lemma not in self.lexicon.cues["misread_verbs"]
        ):
            # "after the sudden U.S. withdrawal", "under an Israeli blockade": an event named
            # in passing by its author's adjective, not one the sentence reports.
            return None
        offered = self._offered(token)
        if trigger.reciprocal and (reciprocal_parties or trigger.mode != "visit") and not offered:
            # A call joins two parties: "spoke to the leaders of Qatar and Egypt" is a call with
            # each, not a meeting of the three; the recipients stay recipients (one pair each).
            calls = trigger.mode == "phone" or trigger.lemma in self.lexicon.cues["conversation_triggers"]
            bilateral = calls and len(actor) + len(recipient) > 2
            armed = set(cues["armed_sectors"])
            domestic = (
                trigger.event_type in cues["armed_party_types"]
                and {e.code for e in recipient} <= {e.code for e in actor}
                and any(e.sector in armed for e in recipient)
                and not any(e.sector in armed for e in actor)
            )
            if (
                recipient
                and not bilateral
                and not domestic
                and (reciprocal_parties or trigger.event_type in self.lexicon.cues["mutual_types"])
            ):
                actor = actor + [e for e in recipient if e.code not in {a.code for a in actor}]
                recipient = []
        # Domestic events keep a recipient with the actor's code (CODING.md); only the
        # very same entity on both sides is dropped.
        actor = _unique(actor)
        actor_keys = {(e.code, e.sector, e.name) for e in actor}
        recipient = [e for e in _unique(recipient) if (e.code, e.sector, e.name) not in actor_keys]
        if trigger.mode == "visit" and recipient and {e.code for e in recipient} <= {e.code for e in actor}:
            # "visited Washington" by a US official: travel at home, not a visit to a host.
            return None
        # "Russia and Ukraine accused each other", "Argentina and Chile exchanged accusations".
        mutual = self._at_each_other(token) or self._exchanged(token, trigger)
        unnamed = received or any(
            c.lower_ in self.lexicon.cues["unnamed_critics"]
            for c in token.children
            if c.dep_ in ("amod", "advmod")
        )
        if not actor and recipient and unnamed and trigger.event_type in self.lexicon.cues["directed_types"]:
            # "Israel came under international scrutiny", "the coup was internationally condemned":
            # critics the sentence does not name are nobody the article could name either.
            actor = [Entity(text="(unnamed critics)", code="UNK", reason="critics not named")]
            how_parts.insert(0, "actor unnamed (no critic named)")
        elif not actor and received and trigger.event_type in self.lexicon.cues["directed_types"]:
            return None
        if not actor and commentators:
            # Analysts and watchdogs who name no side are no party the article could supply.
            return None
        if not actor:
            cand.orphan = "actor"
        elif not recipient and len(actor) < 2 and not trigger.solo:
            cand.orphan = "recipient"
        elif (
            not recipient
            and len({e.code for e in actor}) > 1
            and not trigger.reciprocal
            # "Russia and Ukraine accused each other": mutual after all.
            and not mutual
            and (
                trigger.event_type in self.lexicon.cues["directed_types"]
                # "the U.S. and Israeli strikes": allies striking together, no clash between them.
                or trigger.event_type in cues["armed_party_types"]
            )
        ):
            # "Washington and Israel have been critical of ...": no mutual event.
            cand.orphan = "recipient"
        if places():
            span, entities = places()[0]
            cand.location = Location(text=span.text, code=entities[0].code)
            # CODING.md: a group active in several countries takes the country of the event.
            armed = cues["armed_sectors"] if trigger.event_type in cues["armed_party_types"] else ()
            actor = _placed(actor, cand.location, armed)
            recipient = _placed(recipient, cand.location, armed)
        cand.actor, cand.recipient = actor, recipient
        cand.how = how_parts
        confidence = trigger.confidence * (0.9 if trigger.pos == "noun" else 1.0)
        if recipient or len(actor) > 1:
            confidence = min(0.98, confidence + 0.1)
        if any("governing" in h or "speaker" in h for h in how_parts):
            confidence *= 0.9
        cand.confidence = round(confidence * fallback, 3)
        return cand if confidence >= self.min_confidence else None

    def _locate(self, sentence: Span, mentions: Sequence[MentionLike]) -> list[Named]:
        """The sentence's mentions that stand where an actor could ("Turkish officials", "Syria"),
        not as a modifier of a thing ("Turkish Army vehicles", "Russian-made helicopter")."""
        named = []
        dateline_end = _dateline_end(sentence)
        for mention in mentions:
            if not mention.entities:
                continue
            start, end = sentence.start_char + mention.start, sentence.start_char + mention.end
            if start < dateline_end:
                continue  # "KABUL, Afghanistan (AP) --" says where the story was filed, not who acted
            span = sentence.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            actor_like = root.pos_ in NOUN_POS and root.dep_ not in ("compound", "amod", "nmod:poss", "poss")
            head = root.head
            if (
                actor_like
                or self._lemma(head) in self.lexicon.cues["relational_heads"]
                or head.pos_ == "PROPN"
            ):
                named.append(Named(mention.text, mention.entities, start, end, root))
        return named

    @staticmethod
    def _reduced_passive(token: Token) -> bool:
        """A headline's passive without its auxiliary ("Israel condemned for ...", "army accused
        of ..."): a bare participle with no object, only the charge behind "for" or "of"."""
        children = list(token.children)
        return (
            token.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("aux", "aux:pass", "auxpass", "obj", "dobj", "ccomp") for c in children)
            and any(
                g.dep_ in ("mark", "case") and g.lower_ in ("for", "of") and g.head.i > token.i
                for c in children
                for g in c.children
            )
        )

    @staticmethod
    def _subject_like(token: Token, trigger: Token) -> bool:
        """Whether a mention is (part of) some clause's subject, or hangs on the trigger itself
        ("Blinken, after the call, urged ..." parsed without a subject): only such a name may
        stand in for an actor the parse could not connect to the trigger."""
        if token.head.i == trigger.i and token.pos_ == "PROPN":
            return True
        for _ in range(3):
            if token.dep_ in SUBJECT_DEPS:
                return True
            if token.dep_ == "ROOT" and token.pos_ in NOUN_POS and token.i < trigger.i:
                # A name as the root of a sentence with a verb after it: a parse that lost the verb.
                return True
            if token.dep_ not in ("compound", "amod", "nmod:poss", "poss", "appos", "conj", "flat", "nmod"):
                return False
            token = token.head
        return False

    @staticmethod
    def _receiving_clause(token: Token, trigger: Trigger) -> Token | None:
        """The clause a recipient named after the trigger must sit in, or None for anywhere
        after it: a parse that made a name the root and hung the finite verb before it from
        a noun ("President Obama telephoned Israeli Prime Minister Benjamin Netanyahu"
        rooted in "Benjamin") has lost the verb's object, and any name after the verb may
        be it."""
        if token.tag_ in FINITE_TAGS and token.dep_ != "ROOT" and token.sent.root.pos_ in NOUN_POS:
            return None
        if trigger.pos == "noun":
            verb, _ = governing_verb(token)
            return verb if verb is not None else token
        return token

    @staticmethod
    def _could_receive(clause: Token | None, trigger: Trigger, root: Token) -> bool:
        """Whether a mention after the trigger sits where its recipient could: inside the
        trigger's clause, and not behind a preposition the trigger does not take."""
        if clause is not None and not any(a.i == clause.i for a in root.ancestors) and root.i != clause.i:
            return False
        prep = case_of(root)
        if prep is None and root.dep_ == "pobj":
            prep = root.head.lower_
        return prep is None or prep in trigger.recipient or prep in ("with", "between")

    def _places(self, token: Token, actors: ActorResolver) -> Iterable[tuple[Span, list[Entity]]]:
        """Places named as where the event happened ("in southern Lebanon"), with their states."""
        clause = token
        verb, role = governing_verb(token) if token.pos_ in NOUN_POS else (None, "")
        if verb is not None:
            clause = verb
        for word in clause.subtree:
            if word.lower_ not in self.lexicon.cues["place_prepositions"] or word.head.i == word.i:
                continue
            place = next((c for c in word.children if c.dep_ == "pobj"), None)
            if place is None and word.dep_ == "case":
                place = word.head
            if place is None or place.pos_ != "PROPN":
                continue
            span = phrase(place, keep_modifiers=False)
            entities = actors.resolve(span.text)
            if entities:
                yield span, entities

    def _deed_author(self, token: Token, actor: list[Entity]) -> tuple[list[Entity], str]:
        """The author of "the move", "the strikes" the trigger takes as object, when the
        sentence does not name it: the actor of the latest event reported before."""
        cues = self.lexicon.cues
        own = {e.code for e in actor}
        start = token.sent.start_char
        for att in attachments(token):
            if att.relation != "obj" or att.head is None or att.head.pos_ != "NOUN":
                continue
            lemma = self._lemma(att.head)
            if lemma not in cues["deed_nouns"]:
                continue
            for previous in reversed(self._earlier):
                if previous.evidence.start >= start:
                    continue
                if start - previous.evidence.start > DEED_DISTANCE:
                    break
                if lemma in cues["attack_nouns"] and previous.event_type != "ASSAULT":
                    continue
                authors = [e for e in previous.actor if e.code not in own]
                if authors and len(authors) == len(previous.actor):
                    why = f"recipient: author of '{att.head.text}' (the {previous.event_type} before)"
                    return authors, why
        return [], ""

    @staticmethod
    def _location(places: list[tuple[Span, list[Entity]]], actor: list[Entity]) -> tuple[list[Entity], str]:
        """A state named as where the event happened, other than the actor's own: its recipient."""
        own = {e.code for e in actor}
        for span, entities in places:
            others = [e for e in entities if e.code not in own]
            if others:
                return others, f"recipient '{span.text}' (where it happened)"
        return [], ""

    def _with_armed_men(
        self,
        head: Token,
        entities: list[Entity],
        text: str,
        places: Callable[[], list[tuple[Span, list[Entity]]]],
        between: bool,
        foe: list[Entity],
    ) -> tuple[list[Entity], str]:
        """Unnamed armed men among the parties ("clashed with rebels near Aleppo", "fighting
        between Ukrainian forces and separatists") take the state where they fight (CODING.md: a
        group of no one state takes the country of the event); in a fight between a state's
        forces and them with no place named, that state's (a domestic conflict), as is the state
        rebels or separatists fight ("Ukrainian troops fought separatists")."""
        armed = self.lexicon.cues["unnamed_armed_groups"]
        men = [
            t
            for t in [head, *head.conjuncts]
            if self._lemma(t) in armed
            and not any(_is_state(e.code) for e in entities if e.text in phrase(t).text)
        ]
        if not men or any(_is_state(e.code) for e in entities) and not between:
            return entities, text
        states = [e for _, found in places() for e in found if _is_state(e.code)]
        if not states and between:
            states = [e for e in entities if _is_state(e.code)]
        if not states and self._lemma(men[0]) in self.lexicon.cues["domestic_armed_groups"]:
            states = [e for e in foe if _is_state(e.code)]
        if not states:
            return entities, text
        fighters = states[0].model_copy(
            update={"text": phrase(men[0]).text, "sector": "UAF", "name": None, "office": None}
        )
        return [e for e in entities if _is_state(e.code)] + [
            fighters
        ], f"{text or repr(men[0].text)} (armed men where they fight)"

    @staticmethod
    def _states_at(places: list[tuple[Span, list[Entity]]], actor: list[Entity]) -> list[Entity]:
        """Every state named as where the event happened, other than the actor's own."""
        own = {e.code for e in actor}
        states: list[Entity] = []
        for _, entities in places:
            states += [e for e in entities if _is_state(e.code) and e.code not in own]
        return _unique(states)

    @staticmethod
    def _recipient_places(
        token: Token, trigger: Trigger, atts: list[Attachment], addressed: bool = False
    ) -> list[Attachment]:
        """Dependents where a recipient may hang, nearest first.

        Parsers attach "to Ukraine" in "sent reinforcements to Ukraine" to the verb
        or to its object, "with X" in "held a meeting with X" to the noun or to the
        light verb, and "with India" in "willingness to work with India" inside the
        complement; all of these are the trigger's recipient.
        """
        near = list(atts)
        for att in atts:
            if att.relation == "obj" and att.head is not None:
                near.extend(a for a in attachments(att.head) if a.relation == "prep")
        if trigger.pos == "noun":
            # "the withdrawal of troops from Syria": the place hangs on what the noun is of.
            for att in atts:
                if att.relation == "prep" and att.prep == "of" and att.head is not None:
                    near.extend(a for a in attachments(att.head) if a.relation == "prep")
            verb, role = governing_verb(token)
            if verb is not None and role == "object":
                near.extend(a for a in attachments(verb) if a.relation == "prep")
        for child in token.children:
            if child.dep_ in ("xcomp", "acl") and child.pos_ in VERB_POS and not addressed:
                for att in attachments(child):
                    if att.relation == "prep":
                        near.append(att)
                    elif att.relation == "obj" and att.head is not None:
                        near.extend(a for a in attachments(att.head) if a.relation == "prep")
        return near

    def _speaker_ahead(
        self, sentences: list[Span], index: int, text: str, actors: ActorResolver
    ) -> list[Entity]:
        """The speaker of a quotation that opens here and is attributed at its end, a few
        sentences on in the same paragraph ("'We call on all parties ... They will support
        it,' Wang said.")."""
        first = sentences[index].text.lstrip()
        if not first or first[0] not in OPENING_QUOTES:
            return []
        for later in sentences[index + 1 : index + 1 + QUOTE_SENTENCES]:
            gap = text[sentences[index].start_char : later.start_char]
            if "\n" in gap.strip(" "):
                return []  # the paragraph ended without an attribution
            closing = [t for t in later if t.text in CLOSING_QUOTES]
            if closing:
                after = [t for t in later if t.i > closing[0].i]
                saying = [t for t in after if t.pos_ in VERB_POS and self._lemma(t) in self.speech_verbs]
                if not saying:
                    return []
                speaker = self._speaker(saying, actors)
                # The parser often hangs the name of '..., Wang said' on the quoted verb:
                # then the name between the quote and the verb of saying is the speaker.
                names = [t for t in after if t.pos_ == "PROPN" and t.i < saying[0].i]
                if speaker or not names:
                    return speaker
                name = names[-1]
                while name.dep_ in ("flat", "compound") and name.head.i != name.i:
                    name = name.head
                return actors.resolve(phrase(name).text)
        return []

    @staticmethod
    def _speaker(saying: list[Token], actors: ActorResolver) -> list[Entity]:
        """Who is speaking in this sentence (for "'We call on ...,' Wang said")."""
        for token in saying:
            subject, passive, _ = subject_of(token)
            if subject is not None and not passive and not is_first_person(subject):
                entities = actors.resolve(phrase(subject).text)
                if entities:
                    return entities
        return []

    def _reported(
        self, saying: list[Token], actors: ActorResolver, speaker: list[Entity]
    ) -> Iterable[Candidate]:
        """Events in reported speech with no event verb of their own:
        "X said (that) Y should ..." is a REQUEST from X to Y (advice), and
        "X said Y has committed war crimes" an ACCUSE from X to Y (accusing words)."""
        cues = self.lexicon.cues
        for token in saying:
            # "X said (that) Y should ..." hangs the clause under the verb of saying;
            # '"Y should ...," X said' often hangs the verb of saying under the clause.
            clauses = [c for c in token.children if c.dep_ == "ccomp"]
            if token.dep_ == "parataxis" and token.head.i != token.i:
                clauses.append(token.head)
            for comp in clauses:
                if any(c.dep_ == "aux" and c.lower_ in cues["advice_modals"] for c in comp.children):
                    trigger, label = self.lexicon.advice, "'said ... should'"
                elif any(t.lower_ in cues["accusation_words"] for t in comp.subtree):
                    trigger, label = self.lexicon.accusation, "accusing words in reported speech"
                elif self.lexicon.praise is not None and self._praises(comp):
                    trigger, label = self.lexicon.praise, "praising words in reported speech"
                else:
                    continue
                subject, _, _ = subject_of(token)
                comp_subject, comp_passive, _ = subject_of(comp)
                if subject is None or comp_subject is None or comp_passive:
                    continue
                actor, actor_text = self._resolve(subject, actors, speaker)
                recipient, recipient_text = self._resolve(comp_subject, actors, speaker)
                # '"We should work together," Wang said' is no request of Wang's to himself.
                recipient = [e for e in recipient if e.code not in {a.code for a in actor}]
                target = None
                if (
                    actor
                    and not recipient
                    and trigger.event_type in cues["directed_types"]
                    and comp_subject.pos_ == "NOUN"
                    and self.lexicon.triggers(self._lemma(comp_subject), "noun")
                ):
                    # "said the strikes were unacceptable": whoever carried them out (_target_author).
                    target = comp_subject
                if not actor or not (recipient or target is not None):
                    continue
                cand = Candidate(
                    trigger, token, actor=actor, recipient=recipient, confidence=trigger.confidence
                )
                cand.how = [
                    f"actor {actor_text} (speaker)",
                    f"recipient {recipient_text} (subject of what was said)",
                    f"construction: {label}",
                ]
                if target is not None:
                    cand.target, cand.orphan = target, "recipient"
                    cand.how = cand.how[:1] + cand.how[2:]
                yield cand

    def _quoted_praise(
        self, sentence: Span, actors: ActorResolver, speaker: list[Entity], named: list[Named]
    ) -> Iterable[Candidate]:
        """Praise in a quote attributed in another sentence: '"There is a lot to do with
        India, they are a great partner. ..." Rubio said' supports India."""
        trigger = self.lexicon.praise
        if trigger is None:
            return
        own = {e.code for e in speaker}
        for clause in sentence:
            # The praise must be what the clause says ("they are a great ally"), not a word
            # deep inside it ("will be less dependent on any one partner").
            praise = clause.lower_ in self.lexicon.cues["praise_words"] or any(
                c.dep_ == "amod" and c.lower_ in self.lexicon.cues["praise_words"] for c in clause.children
            )
            praise = praise or self._shows_merit(clause)
            if not (praise and clause.dep_ in ("ROOT", "parataxis", "conj") and self._praises(clause)):
                continue
            subject, passive, _ = subject_of(clause)
            if subject is None or passive or is_first_person(subject):
                continue
            recipient, text = self._resolve(subject, actors, speaker)
            if not recipient and subject.lower_ in ("they", "it"):
                # "much to do with India, they are a great ally": the name the pronoun follows.
                before = [m for m in named if m.end <= subject.idx and {e.code for e in m.entities} - own]
                if before:
                    recipient, text = list(before[-1].entities), f"'{before[-1].text}'"
            recipient = [e for e in recipient if e.code not in own and e.code != "UNK"]
            if not recipient:
                continue
            cand = Candidate(
                trigger, clause, actor=list(speaker), recipient=recipient, confidence=trigger.confidence
            )
            cand.how = [
                "actor the speaker of the quote",
                f"recipient {text} (subject of the praise)",
                "construction: praising words in a quote",
            ]
            yield cand

    def _shows_merit(self, clause: Token) -> bool:
        """Whether a clause credits its subject with a merit: "Poland has shown resolve",
        "Israel acted with restraint", "the government is making progress"."""
        cues = self.lexicon.cues
        if self._lemma(clause) not in cues["merit_verbs"]:
            return False
        if any(c.dep_ == "neg" or c.lower_ in cues["negators"] for c in clause.children):
            return False
        shown = [c for c in clause.children if c.dep_ in ("obj", "dobj", "obl")]
        shown += [c for o in shown for c in o.conjuncts]
        return any(self._lemma(c) in cues["merits"] for c in shown)

    def _praises(self, comp: Token) -> bool:
        """Whether what was said praises its subject: "India is a great partner", not
        "India is no friend", "India's allies are worried" nor "India failed its allies"."""
        cues = self.lexicon.cues
        if self._shows_merit(comp):
            return True
        copular = any(c.dep_ == "cop" for c in comp.children) or (
            comp.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in comp.children)
        )
        if not copular and comp.lower_ not in cues["praise_words"]:
            return False
        subject, _, _ = subject_of(comp)
        said_of = {t.i for t in subject.subtree} if subject is not None else set()
        words = [t for t in comp.subtree if t.i not in said_of]
        if any(t.lower_.replace("’", "'") in cues["negators"] for t in words):
            return False
        return any(t.lower_ in cues["praise_words"] for t in words)

    # -- the record ----------------------------------------------------------

    def _record(self, cand: Candidate, sentence: Span, context: ArticleContext, text: str) -> EventRecord:
        info = self.lexicon.types
        modality = self.modality.read(cand.token, context.date)
        event_type = cand.trigger.event_type
        notes = []
        future_as = info[event_type].future_as
        if modality.future and future_as in self.lexicon.cues["addressed_types"] and not cand.recipient:
            # CODING.md: a concession is made towards an adversary; a retreat announced
            # towards no one is a plan, not yet an event.
            modality = replace(modality, hypothetical=True)
            notes.append(f"announced {event_type} towards no one: not yet an event")
        elif modality.future and future_as:
            notes.append(f"announced {event_type} coded as {future_as}")
            event_type = future_as
        elif modality.future and modality.ongoing and info[event_type].quad.startswith("MATERIAL"):
            # "would continue its blockade": the blockade is under way, not announced.
            modality = replace(modality, future=False)
        elif modality.future and info[event_type].quad.startswith("MATERIAL"):
            # A strike or arrest that "will" happen has not happened: not an event (CODING.md).
            modality = replace(modality, hypothetical=True)
            notes.append("future material action: not yet an event")
        type_info = info[event_type]
        mode = [cand.trigger.mode] if cand.trigger.mode and event_type == cand.trigger.event_type else []
        intensity = type_info.intensity
        for m in mode:
            intensity = type_info.mode_intensity.get(m, intensity)
        trigger_token = cand.token
        start, end = sentence.start_char, sentence.end_char
        # The paragraph break after a headline belongs to no sentence.
        end = start + len(text[start:end].rstrip())
        reason = "; ".join([f"rule {cand.trigger.rule} on '{trigger_token.text}'", *cand.how, *notes])
        confidence = cand.confidence
        if modality.hypothetical:
            confidence *= 0.8
        digest = hashlib.sha1(
            f"{context.article_id}|{start}|{trigger_token.idx}|{event_type}|"
            f"{','.join(e.code for e in cand.actor)}|{','.join(e.code for e in cand.recipient)}".encode()
        ).hexdigest()[:16]
        return EventRecord(
            event_id=digest,
            article_id=context.article_id,
            date=context.date,
            event_type=event_type,
            mode=mode,
            actor=cand.actor,
            recipient=cand.recipient,
            historical=modality.historical,
            future=modality.future,
            hypothetical=modality.hypothetical,
            negated=modality.negated,
            location=cand.location,
            evidence=Evidence(
                sentence=text[start:end],
                start=start,
                end=end,
                trigger=text[trigger_token.idx : trigger_token.idx + len(trigger_token.text)],
                trigger_start=trigger_token.idx,
            ),
            quad=type_info.quad,
            intensity=intensity,
            cameo_root=type_info.cameo_root,
            confidence=round(min(0.99, confidence), 3),
            reason=reason,
            source=context.source,
            url=context.url,
        )
