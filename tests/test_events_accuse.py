"""ACCUSE: the ways news reports criticism, condemnation and accusation, with our shipped pipeline."""

from __future__ import annotations

import pytest

from event_keys import keys


def test_accusation_before_a_promise_is_an_event_of_its_own(coder) -> None:
    text = "Russian President Vladimir Putin promised retaliation after accusing Ukraine of shelling a town."
    assert ("ACCUSE", ("RUS",), ("UKR",)) in keys(coder, text)


def test_two_critics_are_no_mutual_accusation(coder) -> None:
    coded = keys(coder, "France and Germany have been critical of the new budget rules.")
    assert ("ACCUSE", ("DEU", "FRA"), ()) not in coded


def test_who_draws_criticism_receives_it(coder) -> None:
    coded = keys(coder, "France's new pension plan is drawing sharp criticism from Germany.")
    assert ("ACCUSE", ("DEU",), ("FRA",)) in coded


def test_accuser_in_a_relative_clause(coder) -> None:
    # Parsed with the relative clause hung on "participate", not on "Quad".
    text = (
        "In Tokyo, Blinken will participate in the meeting of the Quad that has repeatedly "
        "accused China of bullying its neighbours in the region."
    )
    assert ("ACCUSE", ("QUAD",), ("CHN",)) in keys(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The British foreign secretary blasted Russia for its support of the regime.", ("GBR", "RUS")),
        ("Japan lodged a formal protest with China over the incident.", ("JPN", "CHN")),
        ("Poland summoned the Israeli ambassador on Tuesday.", ("POL", "ISR")),
        ("North Korea is angry over the U.S.-led push for new sanctions.", ("PRK", "USA")),
        ("European leaders voiced frustration at Britain's delay.", ("EU", "GBR")),
    ],
)
def test_words_of_disapproval(coder, text: str, expected: tuple[str, str]) -> None:
    actor, recipient = expected
    assert ("ACCUSE", (actor,), (recipient,)) in keys(coder, text)


def test_a_diplomatic_protest_is_no_demonstration(coder) -> None:
    coded = keys(coder, "Japan lodged a formal protest with China over the incident.")
    assert not any(k[0] == "PROTEST" for k in coded)


def test_who_is_complained_about_is_the_recipient(coder) -> None:
    text = "The Canadian prime minister complained that the United States had broken the trade agreement."
    assert ("ACCUSE", ("CAN",), ("USA",)) in keys(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Canadian prime minister described Israel's treatment of the sailors as abominable.",
            ("CAN", "ISR"),
        ),
        ("The Belgian prime minister called Israel's response unacceptable.", ("BEL", "ISR")),
        ("The Turkish government regards the YPG as a terrorist group.", ("TUR", "SYR")),
    ],
)
def test_calling_something_by_an_accusing_name(coder, text: str, expected: tuple[str, str]) -> None:
    actor, recipient = expected
    assert ("ACCUSE", (actor,), (recipient,)) in keys(coder, text)


def test_describing_talks_kindly_is_no_accusation(coder) -> None:
    coded = keys(coder, "The Indian foreign minister described his talks with China as constructive.")
    assert not any(k[0] == "ACCUSE" for k in coded)


@pytest.mark.parametrize(
    "text",
    [
        "The American decision to cut aid angered the Canadian prime minister.",
        "The Canadian prime minister was frustrated by Washington's refusal to sign the pact.",
    ],
)
def test_who_is_angered_accuses_who_angered_them(coder, text: str) -> None:
    assert ("ACCUSE", ("CAN",), ("USA",)) in keys(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Israeli announcement on Monday has provoked strong criticism from Jordan.", ("JOR", "ISR")),
        ("The American bomber flights prompted an angry reaction from North Korea.", ("PRK", "USA")),
    ],
)
def test_what_sparks_condemnation_receives_it(coder, text: str, expected: tuple[str, str]) -> None:
    actor, recipient = expected
    assert ("ACCUSE", (actor,), (recipient,)) in keys(coder, text)


def test_critics_nobody_names_are_unknown(coder) -> None:
    coded = keys(coder, "Israel has come under international scrutiny over its conduct in Gaza.")
    assert ("ACCUSE", ("UNK",), ("ISR",)) in coded


def test_a_headline_passive_makes_its_subject_the_accused(coder) -> None:
    coded = keys(coder, "Israeli minister condemned for taunting detained activists")
    assert not any(k[0] == "ACCUSE" and k[1] == ("ISR",) for k in coded)


def test_condemning_an_attack_accuses_whoever_carried_it_out(coder) -> None:
    text = (
        "Russian forces launched air strikes on the city of Kharkiv on Monday, killing five people. "
        "Officials said the strikes hit a school and a hospital. "
        "Germany condemned the strikes on Tuesday."
    )
    assert ("ACCUSE", ("DEU",), ("RUS",)) in keys(coder, text)


def test_accusing_each_other_is_mutual(coder) -> None:
    coded = keys(coder, "Russia and Ukraine accused each other of shelling the plant.")
    assert ("ACCUSE", ("RUS", "UKR"), ()) in coded
    # Neither side accuses itself.
    assert not any(k[1] == k[2] for k in coded)


def test_saying_an_attack_was_unacceptable_accuses_its_author(coder) -> None:
    text = (
        "American air strikes hit militia bases in Iraq on Sunday, killing 25 fighters. "
        "Russia said the strikes were unacceptable and dangerous."
    )
    assert ("ACCUSE", ("RUS",), ("USA",)) in keys(coder, text)


def test_an_accusation_may_be_domestic(coder) -> None:
    text = "The Nigerian president said he suspected that Boko Haram members had infiltrated the army."
    assert ("ACCUSE", ("NGA",), ("NGA",)) in keys(coder, text)
