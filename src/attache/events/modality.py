"""Modality: whether an event is negated, hypothetical, future or historical (CODING.md).

Read off the trigger, the words it hangs on up to its clause's subject, and
their dependents, with the cue words of ``cues.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Token

from attache.events.lexicon import Lexicon
from attache.events.syntax import (
    NOUN_POS,
    PASSIVE_SUBJECT,
    SUBJECT,
    VERB_POS,
    attachments,
    case_of,
    governing_verb,
    is_infinitive,
)

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    # Carried on by a verb like "continue": a material action already under way.
    ongoing: bool = False


class ModalityReader:
    """Reads an event's modality from the parse around its trigger."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cues = lexicon.cues

    def _lemma(self, token: Token) -> str:
        return self.lexicon.lemma(token.lower_, token.lemma_.lower())

    def read(self, token: Token, article_date: dt.date | None) -> Modality:
        cues = self.cues
        negated = hypothetical = future = False
        chain = self._chain(token)
        contrast = next(
            (
                n
                for n, word in enumerate(chain)
                if any(
                    c.dep_ in ("cc", "advmod", "mark") and c.lower_ in cues["contrast_markers"]
                    for c in word.children
                )
            ),
            None,
        )
        if contrast is not None:
            chain = chain[: contrast + 1]
        ongoing = any(self._lemma(word) in cues["ongoing_verbs"] for word in chain[1:2])
        for position, word in enumerate(chain):
            atts = attachments(word)
            for att in atts:
                if att.head is None:
                    continue
                lower = att.head.lower_
                if att.relation == "neg":
                    negated = True
                if att.relation == "mark" and lower in cues["conditionals"]:
                    hypothetical = True
                if att.relation == "mark" and lower in cues["future_adjectives"]:
                    # "is due to meet": the parser may hang the adjective on the verb.
                    future = True
                if att.relation == "aux":
                    if lower in cues["future_aux"] or (
                        lower in cues["future_going"] and any(is_infinitive(c) for c in word.children)
                    ):
                        future = True
                    elif lower in cues["hypothetical_aux"] and position == 0:
                        hypothetical = True
                if att.relation in ("subj", "subjpass") and (
                    lower in cues["negative_subjects"]
                    or any(
                        c.dep_ in ("det", "neg") and c.lower_ in cues["negators"] for c in att.head.children
                    )
                ):
                    negated = True
            if any(self._future_time(c) for c in word.children):
                future = True
            if (
                position == 0
                and word.pos_ in NOUN_POS
                and any(c.lower_ in cues["future_modifiers"] for c in word.children if c.i < word.i)
            ):
                # "the upcoming summit", "a planned visit": the event noun itself lies ahead.
                future = True
            if position > 0:
                lemma = self._lemma(word)
                particles = {f"{lemma} {a.prep}" for a in atts if a.relation == "prt"}
                # Parsers also hang the particle on the object ("called [off talks]").
                particles |= {f"{lemma} {c.lower_}" for c in chain[position - 1].children if c.dep_ == "case"}
                below = chain[position - 1]
                # "dismissed the talks, instead backing Iran's": a clause of its own, not what is denied.
                own_clause = below.dep_ in ("conj", "parataxis") or (
                    below.dep_ == "advcl" and not any(c.dep_ == "mark" for c in below.children)
                )
                if (lemma in cues["denial_verbs"] or particles & cues["denial_particles"]) and not own_clause:
                    negated = True
                if word.lower_ in cues["future_going"] and any(is_infinitive(c) for c in word.children):
                    future = True
                if lemma in cues["future_aux"] and word.pos_ in VERB_POS:
                    future = True
                if lemma in cues["capability_words"]:
                    # "missiles capable of hitting the US", "the ability to strike": a means, not an act.
                    hypothetical = True
                if lemma in cues["future_adjectives"] and word.pos_ == "ADJ":
                    # "willing to meet", "ready to talk": an offer, not a meeting yet.
                    future = True
        return Modality(negated, hypothetical, future, self._historical(chain, article_date), ongoing)

    @staticmethod
    def _chain(token: Token) -> list[Token]:
        """The trigger and the words it hangs on, up to its clause's subject (and, for an
        event noun, the verb it is an argument of)."""
        chain = [token]
        current = token
        for _ in range(4):
            if current.head.i == current.i or current.dep_ in SUBJECT or current.dep_ in PASSIVE_SUBJECT:
                break
            current = current.head
            chain.append(current)
        if token.pos_ in NOUN_POS:
            verb, _ = governing_verb(token)
            if verb is not None and verb.i not in {w.i for w in chain}:
                chain.append(verb)
        return chain

    def _historical(self, chain: list[Token], article_date: dt.date | None) -> bool:
        """Whether the trigger's own time words place it before the article's news: a year
        before the article's ("in 2020"), or "previously", "ago". Only the trigger's and its
        clause verb's dependents count: another clause's year says nothing about this event."""
        markers = self.cues["historical_markers"]
        for word in chain[:2]:
            for child in word.children:
                if child.lower_ in markers or any(g.lower_ in markers for g in child.children):
                    return True
                if article_date is None or child.dep_ in SUBJECT or child.dep_ in PASSIVE_SUBJECT:
                    continue
                if child.dep_ in ("obj", "dobj") or case_of(child) in self.cues["other_time_prepositions"]:
                    continue  # "since 2020" is ongoing; "after the 2022 invasion" dates another event
                years = [t for t in (child, *child.children) if YEAR.match(t.text)]
                if any(int(t.text) < article_date.year for t in years):
                    return True
        return False

    def _future_time(self, token: Token) -> bool:
        """ "tomorrow", "next week", "the upcoming summit", "ahead of a meeting"."""
        cues = self.cues
        if token.lower_ in cues["future_words"]:
            return True
        if token.dep_ == "case" and token.lower_ in cues["future_prepositions"]:
            return True
        return token.lower_ in cues["future_times"] and any(
            c.lower_ in cues["future_modifiers"] for c in token.children
        )
