"""THREATEN and REQUEST: threats made versus dangers judged, requests versus look-alikes."""

from __future__ import annotations

import pytest

from event_keys import keys


@pytest.mark.parametrize(
    "text",
    [
        "Cuba poses a serious threat to the United States, the American senator said.",
        "Any deal with Iran must remove the nuclear threat posed by Tehran to Israel.",
    ],
)
def test_a_danger_posed_is_no_threat_made(coder, text: str) -> None:
    assert not {k for k in keys(coder, text) if k[0] == "THREATEN"}


def test_a_threat_of_an_act_is_a_threat(coder) -> None:
    assert ("THREATEN", ("RUS",), ("UKR",)) in keys(coder, "Russia poses a threat of invasion to Ukraine.")


@pytest.mark.parametrize(
    "text",
    [
        "Russia pressed on with its plans for Ukraine.",
        "Pakistan has appealed the court's ruling in the dispute with India, the Indian ministry said.",
        "The Japanese official requested anonymity from China.",
    ],
)
def test_request_look_alikes(coder, text: str) -> None:
    assert not {k for k in keys(coder, text) if k[0] == "REQUEST"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France encouraged Germany to raise its defence spending.", ("REQUEST", ("FRA",), ("DEU",))),
        ("Iran pressed Iraq to expel the American troops.", ("REQUEST", ("IRN",), ("IRQ",))),
    ],
)
def test_requests_still_coded(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_analysts_warning_is_no_threat_by_either_side(coder) -> None:
    text = (
        "India accused Pakistan of shelling. Pakistan accused India of lying. India and Pakistan held talks. "
        "Pakistan said India had violated the truce. India rejected the claim by Pakistan. "
        "Analysts warned that India is exploiting the truce to build new posts."
    )
    assert not {k for k in keys(coder, text) if k[0] == "THREATEN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The French troops will remain in Mali only at the request of the Malian government.",
            ("REQUEST", ("MLI",), ("FRA",)),
        ),
        (
            "Britain postponed the talks at the request of allies, including Poland and Italy.",
            ("REQUEST", ("ITA", "POL"), ("GBR",)),
        ),
    ],
)
def test_at_the_request_of_asks_the_one_who_acts(coder, text: str, expected: tuple) -> None:
    coded = {k for k in keys(coder, text) if k[0] == "REQUEST"}
    assert coded == {expected}


def test_instructing_someone_to_act_is_a_request(coder) -> None:
    text = "The French president instructed Germany to reopen the border crossings."
    assert ("REQUEST", ("FRA",), ("DEU",)) in keys(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington has demanded North Korea's complete denuclearization.", ("REQUEST", ("USA",), ("PRK",))),
        ("France called for Russia's withdrawal from the border.", ("REQUEST", ("FRA",), ("RUS",))),
    ],
)
def test_whose_act_is_demanded_is_asked(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_calling_someone_to_offer_condolences_is_a_phone_call(coder) -> None:
    coded = keys(coder, "The French foreign minister called the German ambassador to offer his condolences.")
    assert not {k for k in coded if k[0] == "REQUEST"}
    assert ("CONSULT", ("DEU", "FRA"), ()) in coded


def test_who_must_meet_the_condition_is_threatened(coder) -> None:
    text = "NATO warned that more sanctions could follow in Ukraine if Russia did not pull back its troops."
    coded = {k for k in keys(coder, text) if k[0] == "THREATEN"}
    assert coded == {("THREATEN", ("NATO",), ("RUS",))}


def test_the_demanded_act_names_no_one_else_asked(coder) -> None:
    text = "The Polish foreign minister urged allies not to give in to Russian blackmail."
    assert ("REQUEST", ("POL",), ("RUS",)) not in keys(coder, text)
