"""Trigger words and phrasings for the less frequent event types, and when an event lies ahead."""

from __future__ import annotations

import pytest

from event_keys import keys


@pytest.mark.parametrize(
    "text",
    [
        "The British prime minister is due to meet the Iraqi prime minister on Wednesday.",
        "The British foreign minister meets Iraqi officials next week.",
    ],
)
def test_a_meeting_on_the_timetable_is_agree(coder, text: str) -> None:
    found = keys(coder, text)
    assert ("AGREE", ("GBR", "IRQ"), ()) in found
    assert not any(k[0] == "CONSULT" for k in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The British trade secretary cancelled her trip to Washington.", ("REJECT", ("GBR",), ("USA",))),
        ("The American president scrapped the summit with North Korea.", ("REJECT", ("USA",), ("PRK",))),
        ("Iran's news agency disputed the American claim.", ("REJECT", ("IRN",), ("USA",))),
        ("The Polish president balked at the American plan.", ("REJECT", ("POL",), ("USA",))),
        ("Iran has indicated opposition to the American proposal.", ("REJECT", ("IRN",), ("USA",))),
    ],
)
def test_called_off_meetings_and_disputed_claims_are_rejections(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_a_cancelled_trip_with_nobody_to_meet_is_no_rejection(coder) -> None:
    assert not keys(coder, "The American president cancelled a trip to a cemetery.")


def test_a_phone_call_on_a_weekday_is_a_call_with_someone(coder) -> None:
    text = (
        "The American secretary of state, in a phone call with China's top diplomat on Friday, "
        "discussed the issue."
    )
    found = keys(coder, text)
    assert ("CONSULT", ("CHN", "USA"), ()) in found
    assert not any(k[0] == "REQUEST" for k in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malian troops, backed by American and French special forces, stormed the hotel.",
            ("AID", ("FRA", "USA"), ("MLI",)),
        ),
        ("Russian forces backing the Syrian regime have taken a larger role.", ("AID", ("RUS",), ("SYR",))),
        ("Iran backed the Syrian regime in the vote.", ("SUPPORT", ("IRN",), ("SYR",))),
        (
            "The Ukrainian defense minister said NATO countries have started deliveries of weapons "
            "to the Ukrainian army.",
            ("AID", ("NATO",), ("UKR",)),
        ),
        ("Turkey has turned back Syrian men at the border.", ("COERCE", ("TUR",), ("SYR",))),
    ],
)
def test_material_help_and_turning_people_back(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce between Israel and Hamas collapsed.", ("AGREE", ("ISR", "PSE"), ())),
        ("Talks on the cease-fire between Israel and Lebanon ended.", ("AGREE", ("ISR", "LBN"), ())),
        ("Ukraine's president ordered a cease-fire in the east.", ("CONCEDE", ("UKR",), ())),
    ],
)
def test_truces_agreed_and_ceasefires_announced(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_wanting_a_state_to_act_is_a_request_wanting_to_meet_is_not(coder) -> None:
    found = keys(coder, "The American president said that he wants South Korea to pay more for the troops.")
    assert ("REQUEST", ("USA",), ("KOR",)) in found
    found = keys(coder, "Britain wants to meet Iraq next month.")
    assert ("AGREE", ("GBR", "IRQ"), ()) in found
    assert not any(k[0] == "REQUEST" for k in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops from NATO countries have fought alongside the U.S. in Afghanistan.",
            ("COOPERATE", ("NATO", "USA"), ()),
        ),
        (
            "The British minister said Britain is coordinating its efforts with Saudi Arabia.",
            ("COOPERATE", ("GBR", "SAU"), ()),
        ),
        ("The American president sat down with Polish leaders in Warsaw.", ("CONSULT", ("POL", "USA"), ())),
        ("The US president shakes hands with the Brazilian president.", ("CONSULT", ("BRA", "USA"), ())),
        ("A Turkish aid flotilla was intercepted by Israeli naval forces.", ("COERCE", ("ISR",), ("TUR",))),
        ("Yemeni security forces used tear gas to disperse the demonstrators.", ("COERCE", ("YEM",), ())),
    ],
)
def test_fighting_alongside_sitting_down_with_intercepting(coder, text: str, expected: tuple) -> None:
    found = keys(coder, text)
    assert expected in found
    assert not any(k[0] == "ASSAULT" for k in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "American and Australian officials continued to exchange proposals on the issue.",
            ("CONSULT", ("AUS", "USA"), ()),
        ),
        ("Indian and Pakistani troops exchanged fire along the border.", ("ASSAULT", ("IND", "PAK"), ())),
        ("Pakistani troops opened fire on Indian posts.", ("ASSAULT", ("PAK",), ("IND",))),
        (
            "The United States denied that the cancellation of sanctions against Iran was a new policy.",
            ("CONCEDE", ("USA",), ("IRN",)),
        ),
    ],
)
def test_exchanges_and_lifted_sanctions(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_the_deployment_of_a_states_forces_is_that_states_move(coder) -> None:
    text = "The Israeli army said it had authorized the deployment of Egyptian military reinforcements."
    found = keys(coder, text)
    assert ("MOBILIZE", ("EGY",), ()) in found
    assert ("MOBILIZE", ("ISR",), ()) not in found


def test_a_promise_or_threat_is_aimed_at_whom_its_act_is_aimed_at(coder) -> None:
    found = keys(coder, "The Russian president had offered to sell the Philippine military weapons.")
    assert ("AGREE", ("RUS",), ("PHL",)) in found
    found = keys(coder, "China has so far refused to denounce Russia.")
    assert ("REJECT", ("CHN",), ("RUS",)) not in found


@pytest.mark.parametrize(
    "text",
    [
        "The American and Mexican delegations met in Washington to strike a deal.",
        "The Canadian prime minister stabbed us in the back, the American adviser said.",
    ],
)
def test_figures_of_speech_are_no_attacks(coder, text: str) -> None:
    assert not any(k[0] == "ASSAULT" for k in keys(coder, text))


def test_issued_calls_are_appeals_not_phone_calls(coder) -> None:
    text = "The United States and France have issued calls to Russia to stop the delivery of the missiles."
    found = keys(coder, text)
    assert ("REQUEST", ("FRA", "USA"), ("RUS",)) in found
    assert not any(k[0] == "CONSULT" for k in found)


def test_a_deed_done_in_retaliation_is_no_threat(coder) -> None:
    text = "Iran struck American bases in Iraq in retaliation for Israeli strikes."
    assert not any(k[0] == "THREATEN" for k in keys(coder, text))
    assert ("THREATEN", ("RUS",), ("UKR",)) in keys(coder, "Russia threatened retaliation against Ukraine.")


def test_a_participle_after_a_noun_acts_on_the_noun(coder) -> None:
    found = keys(coder, "Egypt bombed Libya after a video released Sunday showed the killings.")
    assert not any(k[0] == "RETREAT" for k in found)
    found = keys(coder, "A group of Palestinian prisoners released by Israel arrived in Ramallah.")
    assert ("RETREAT", ("ISR",), ("PSE",)) in found


def test_hit_by_a_series_of_sanctions_is_no_attack(coder) -> None:
    found = keys(coder, "North Korea has been hit by a series of United Nations and American sanctions.")
    assert not any(k[0] == "ASSAULT" for k in found)


def test_an_announced_aid_convoy_is_a_promise(coder) -> None:
    found = keys(coder, "Moscow announced that it will send a second humanitarian convoy to Ukraine.")
    assert ("AGREE", ("RUS",), ("UKR",)) in found


def test_later_on_a_weekday_is_no_future(coder) -> None:
    text = (
        "Later Tuesday, the Pentagon released a statement saying the American defense secretary "
        "had spoken with the Polish prime minister."
    )
    assert ("CONSULT", ("POL", "USA"), ()) in keys(coder, text)


def test_a_war_between_or_on_states_is_an_assault(coder) -> None:
    found = keys(coder, "Officials met in Washington to end the war between Israel and Lebanon.")
    assert ("ASSAULT", ("ISR", "LBN"), ()) in found
    assert not any(k[0] == "ASSAULT" for k in keys(coder, "The Korean War ended in 1953."))
