"""SUPPORT said as praise: of compatriots, in quotes, of a relationship."""

from __future__ import annotations

from event_keys import keys


def test_thanking_compatriots_named_in_the_object_is_domestic_support(coder) -> None:
    text = (
        "Canadian Prime Minister Justin Trudeau visited Ottawa on Monday. He thanked a group of "
        "veterans, including Senator Roméo Dallaire, for their service."
    )
    assert ("SUPPORT", ("CAN",), ("CAN",)) in keys(coder, text)


def test_praising_a_relationship_supports_the_partner(coder) -> None:
    text = "The Brazilian president said he has a very strong relationship with Argentina."
    assert ("SUPPORT", ("BRA",), ("ARG",)) in keys(coder, text)
    # A relationship described without praise is no event.
    found = keys(coder, "Brazil has a long relationship with Argentina.")
    assert not any(k[0] == "SUPPORT" for k in found)


def test_praise_in_a_quote_attributed_later_supports_its_subject(coder) -> None:
    text = (
        "“We have much to build with Kenya, they are a trusted ally. "
        "We look forward to the visit,” German Foreign Minister Annalena Baerbock said on Monday."
    )
    assert ("SUPPORT", ("DEU",), ("KEN",)) in keys(coder, text)
    # A praise word deep inside what is said is no praise of the subject.
    text = (
        "“Kenya will be less dependent on any one partner. "
        "We look forward to the visit,” German Foreign Minister Annalena Baerbock said on Monday."
    )
    assert not any(k[0] == "SUPPORT" for k in keys(coder, text))


def test_crediting_a_side_with_a_merit_praises_it(coder) -> None:
    assert ("SUPPORT", ("USA",), ("ISR",)) in keys(coder, "The US envoy said Israel acted with restraint.")
    assert ("SUPPORT", ("GBR",), ("KEN",)) in keys(
        coder, "The British foreign minister said Kenya has made great progress."
    )
    text = "The Brazilian president said Argentina deserved credit for the deal."
    assert ("SUPPORT", ("BRA",), ("ARG",)) in keys(coder, text)
    found = keys(coder, "The US envoy said Israel had not shown any restraint.")
    assert ("SUPPORT", ("USA",), ("ISR",)) not in found


def test_calling_a_side_a_friend_or_feeling_for_it_supports_it(coder) -> None:
    text = "The Japanese prime minister described India as a reliable partner."
    assert ("SUPPORT", ("JPN",), ("IND",)) in keys(coder, text)
    text = "The Mexican president has expressed deep admiration for Brazilian President Lula."
    assert ("SUPPORT", ("MEX",), ("BRA",)) in keys(coder, text)
    # An accusing description stays an accusation.
    found = keys(coder, "The Japanese prime minister described North Korea as a rogue state.")
    assert not any(k[0] == "SUPPORT" for k in found)


def test_praise_of_a_deed_supports_the_side_named_in_it(coder) -> None:
    text = "The Canadian prime minister praised the formation of a new government in Kabul."
    assert ("SUPPORT", ("CAN",), ("AFG",)) in keys(coder, text)
