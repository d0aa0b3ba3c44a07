"""Title Case headlines are parsed in sentence case; evidence still quotes them as published."""

from __future__ import annotations

import datetime as dt

from attache.nlp.headline import is_title_case, sentence_case
from attache.records import Article

BODY = "HANOI - President Obama praised Vietnam on Tuesday. He met Vietnamese leaders in Hanoi."


def test_ordinary_words_are_lowered_and_names_kept() -> None:
    headline = "Obama Lauds Vietnam, Nudges It To Improve Its Human Rights Record"
    out = sentence_case(headline, BODY)
    assert out == "Obama lauds Vietnam, nudges it to improve its human rights record"
    assert len(out) == len(headline)


def test_a_headline_in_sentence_case_is_left_alone() -> None:
    headline = "Russia warns foreigners to leave Kyiv as it prepares strikes"
    assert not is_title_case(headline)
    assert sentence_case(headline, BODY) == headline


def test_acronyms_and_the_first_word_stay() -> None:
    assert sentence_case("U.S. Says It Sent B-2 Bombers Over Korea", "The U.S. said so.").startswith(
        "U.S. says it sent B-2 bombers over"
    )


def test_event_in_a_title_case_headline(coder) -> None:
    article = Article(
        id="t",
        title="Brazil Accuses Argentina Of Border Raid",
        text="Brazil's government on Monday criticised a raid near the border.",
        date=dt.date(2023, 5, 4),
    )
    events = [e for e in coder.code(article).events if e.evidence.start == 0]
    assert any(
        e.event_type == "ACCUSE"
        and [a.code for a in e.actor] == ["BRA"]
        and [r.code for r in e.recipient] == ["ARG"]
        and e.evidence.sentence == "Brazil Accuses Argentina Of Border Raid"
        and e.evidence.trigger == "Accuses"
        for e in events
    )
