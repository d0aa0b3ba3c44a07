"""Events whose other side is named only by a reference back into the article."""

from __future__ import annotations

from attache.records import Article
from event_keys import DATE, keys


def test_the_organization_is_the_last_organisation_named_not_a_continent(coder) -> None:
    text = (
        "Serbia has quarrelled with NATO over Kosovo and the Balkans in southern Europe. "
        "Belgrade demanded that the organization withdraw its peacekeepers from the north."
    )
    assert ("REQUEST", ("SRB",), ("NATO",)) in keys(coder, text)


def test_rejecting_the_proposal_answers_whoever_made_it(coder) -> None:
    # Germany is not the one asked: only "the proposal" ties its refusal to Iran's request.
    text = "Iran has asked the European Union to lift its sanctions. Germany rejected the proposal on Monday."
    assert ("REJECT", ("DEU",), ("IRN",)) in keys(coder, text)


def test_rejecting_an_unrelated_thing_answers_nobody(coder) -> None:
    text = "Iran has asked the European Union to lift its sanctions. Germany rejected the ruling on Monday."
    assert ("REJECT", ("DEU",), ("IRN",)) not in keys(coder, text)


def test_a_contrast_stops_the_clauses_negation(coder) -> None:
    text = "Hamas rejected the proposal, instead backing Qatar's talks with Egypt."
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    backing = [e for e in events if e.evidence.trigger == "backing"]
    assert backing and not backing[0].negated


def test_an_action_that_will_continue_is_under_way_not_announced(coder) -> None:
    text = "Washington said its blockade of Venezuelan ports would continue until elections are held."
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    blockade = [e for e in events if e.evidence.trigger == "blockade"]
    assert blockade and not blockade[0].future and not blockade[0].hypothetical
    text = "Washington said it would blockade Venezuelan ports next week."
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    assert not any(e.evidence.trigger == "blockade" for e in events)


def test_their_troops_are_the_troops_of_both_states_just_named(coder) -> None:
    text = (
        "Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlut Cavusoglu in Ankara, "
        "where he spoke of Greece's wish for calm with Turkey. "
        "Ties soured in 2020 after a clash between their navies in the Aegean."
    )
    assert ("ASSAULT", ("GRC", "TUR"), ()) in keys(coder, text)
