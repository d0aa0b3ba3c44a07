"""SUPPORT and SANCTION: support said rather than done, and sanctions named as nouns, announced
or carried out as withdrawals."""

from __future__ import annotations

import pytest

from event_keys import keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A commitment to a party supports it; a commitment to do something is a promise.
        ("Canada reaffirmed its unwavering commitment to NATO.", ("SUPPORT", ("CAN",), ("NATO",))),
        # "the Republic" alone would be the republic named last.
        ("Japan reaffirmed its commitment to the Republic of Korea.", ("SUPPORT", ("JPN",), ("KOR",))),
        (
            "Japan said the courage of the Philippine navy was highly appreciated.",
            ("SUPPORT", ("JPN",), ("PHL",)),
        ),
        ("Kenya is grateful to Norway for its help.", ("SUPPORT", ("KEN",), ("NOR",))),
        ("Britain has been a loud cheerleader of Ukraine's membership.", ("SUPPORT", ("GBR",), ("UKR",))),
        ("Poland has vouched for Ukraine at every summit.", ("SUPPORT", ("POL",), ("UKR",))),
        ("Argentina recalled its ambassador to Venezuela.", ("SANCTION", ("ARG",), ("VEN",))),
        (
            "The United States cancelled joint naval exercises with Thailand.",
            ("SANCTION", ("USA",), ("THA",)),
        ),
        (
            "Russia has shut down a military hotline with its Turkish counterparts.",
            ("SANCTION", ("RUS",), ("TUR",)),
        ),
        ("Venezuela has terminated the treaty with Colombia.", ("SANCTION", ("VEN",), ("COL",))),
        ("Serbia suspended arms sales to Kosovo.", ("SANCTION", ("SRB",), ("XKX",))),
        ("Pyongyang cut the military hotline with Seoul.", ("SANCTION", ("PRK",), ("KOR",))),
        ("Canada has slapped a new round of sanctions against Belarus.", ("SANCTION", ("CAN",), ("BLR",))),
    ],
)
def test_support_and_sanction_triggers(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_suspending_something_that_ties_no_one_is_no_sanction(coder) -> None:
    found = keys(coder, "The Egyptian army suspended Egypt’s constitution on Wednesday.")
    assert not any(k[0] == "SANCTION" for k in found)


def test_announced_sanction_is_coded(coder) -> None:
    found = keys(coder, "Ecuador said it would expel the Colombian ambassador.")
    assert ("SANCTION", ("ECU",), ("COL",)) in found


def test_praise_in_reported_speech_supports_its_subject(coder) -> None:
    assert ("SUPPORT", ("FRA",), ("IND",)) in keys(
        coder, "The French foreign minister said that India is one of the most reliable partners of France."
    )
    # Said of the subject only, and not denied.
    assert not any(k[0] == "SUPPORT" for k in keys(coder, "The French minister said India is no friend."))
    assert not any(
        k[0] == "SUPPORT" for k in keys(coder, "The French minister said India's allies were worried.")
    )


def test_backed_by_describes_an_alliance_in_passing(coder) -> None:
    found = keys(coder, "Malian troops, backed by French special forces, retook the hotel.")
    assert not any(k[0] == "SUPPORT" for k in found)
    assert ("SUPPORT", ("FRA",), ("MLI",)) in keys(coder, "France backed Mali on Monday.")


def test_defending_a_decision_supports_defending_an_embassy_does_not(coder) -> None:
    assert ("SUPPORT", ("JPN",), ("AUS",)) in keys(coder, "Japan defended Australia's decision on Monday.")
    found = keys(coder, "Japanese troops will defend the Australian embassy.")
    assert not any(k[0] == "SUPPORT" for k in found)


def test_participle_after_a_denial_is_not_denied(coder) -> None:
    found = keys(coder, "Hungary dismissed the proposal, instead backing Poland's plan.")
    assert ("SUPPORT", ("HUN",), ("POL",)) in found


def test_name_before_a_verb_of_saying_is_the_speaker_of_its_pronoun(coder) -> None:
    text = "The flights come a day after North Korea said it was cutting a military hotline with South Korea."
    assert ("SANCTION", ("PRK",), ("KOR",)) in keys(coder, text)


ALLY = (
    "Germany and the United States have been allies for decades. "
    "German officials met their American counterparts in Berlin on Monday. "
    "The United States said it would pull 5,000 troops out of Germany. "
    "Germany regretted the decision. The United States and Germany will meet again in May. "
    "The German chancellor spoke to the US president. Germany urged the United States to reconsider."
)
ENEMY = (
    "Israel and Hamas fought for weeks in Gaza. Israeli jets struck Gaza on Sunday. "
    "Israel said on Monday it had withdrawn its troops from Gaza."
)


def test_withdrawal_from_an_ally_is_a_sanction_from_an_enemy_a_retreat(coder) -> None:
    assert ("SANCTION", ("USA",), ("DEU",)) in keys(coder, ALLY)
    found = keys(coder, ENEMY)
    assert ("RETREAT", ("ISR",), ("PSE",)) in found
    assert not any(k[0] == "SANCTION" for k in found)


TREATY = (
    "Russia and the United States signed the arms treaty in 1987. "
    "Russia accused the United States of violating it. The United States accused Russia of cheating. "
    "Russia and the United States held talks in Geneva. Russia warned the United States. "
    "The United States pulled out of the treaty on Friday. Russia condemned the United States."
)


def test_treaty_withdrawal_takes_the_other_main_party(coder) -> None:
    assert ("SANCTION", ("USA",), ("RUS",)) in keys(coder, TREATY)
