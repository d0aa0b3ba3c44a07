"""ASSAULT: who attacks whom, for groups of no one state, passives, nominal attacks and clashes."""

from __future__ import annotations

from event_keys import keys


def test_a_stateless_group_is_coded_by_where_it_is_attacked(coder) -> None:
    found = keys(
        coder,
        "The French military is conducting airstrikes against Islamic State positions in Mali and Niger.",
    )
    assert ("ASSAULT", ("FRA",), ("MLI", "NER")) in found


def test_unnamed_armed_men_take_the_state_where_they_fight(coder) -> None:
    found = keys(coder, "More than 500 people have been killed in fighting between Malian forces and rebels.")
    assert ("ASSAULT", ("MLI",), ("MLI",)) in found
    found = keys(coder, "The Syrian army clashed with rebels near Aleppo on Friday.")
    assert ("ASSAULT", ("SYR",), ("SYR",)) in found
    found = keys(coder, "American troops fought militants in Iraq.")
    assert ("ASSAULT", ("USA",), ("IRQ",)) in found


def test_a_quarrel_or_a_struggle_is_no_attack(coder) -> None:
    for text in (
        "The Canadian prime minister clashed with the French president on several issues.",
        "The German chancellor faces an uphill battle to convince Poland.",
        "Brazilian police are fighting rampant gang violence in the north.",
    ):
        assert not any(k[0] == "ASSAULT" for k in keys(coder, text)), text
    assert ("ASSAULT", ("SYR",), ("TUR",)) in keys(
        coder, "Syrian forces attacked Turkish troops near the border."
    )


def test_armed_men_backed_by_a_state_take_the_state_where_they_fight(coder) -> None:
    found = keys(coder, "Pro-Russian rebels attacked a checkpoint in eastern Ukraine.")
    assert ("ASSAULT", ("UKR",), ("UKR",)) in found


def test_figurative_hits_targets_and_captures_are_no_attack(coder) -> None:
    for text in (
        "The Indian minister said the tariff decisions were not targeted at Japan.",
        "The spy agency of Germany captures foreign radio communications.",
        "Domestic politics occupied the French president's mind.",
    ):
        assert not any(k[0] == "ASSAULT" for k in keys(coder, text)), text


def test_rebels_fight_their_own_state(coder) -> None:
    found = keys(coder, "Nigerian troops were attacked by rebels in several places overnight.")
    assert ("ASSAULT", ("NGA",), ("NGA",)) in found
    found = keys(coder, "Ethiopian forces fought separatists overnight.")
    assert ("ASSAULT", ("ETH",), ("ETH",)) in found


def test_the_subject_an_attack_befalls_is_its_recipient(coder) -> None:
    assert ("ASSAULT", ("SYR",), ("TUR",)) in keys(
        coder, "Turkish troops came under fire from Syrian forces."
    )
    found = keys(coder, "Two Palestinians were killed in Israeli strikes on Tuesday.")
    assert ("ASSAULT", ("ISR",), ("PSE",)) in found


def test_allies_striking_together_do_not_clash(coder) -> None:
    found = keys(coder, "Dozens of people were believed killed in the French and British airstrikes.")
    assert ("ASSAULT", ("FRA", "GBR"), ()) not in found


def test_unnamed_sides_at_each_other_take_no_party_from_the_article(coder) -> None:
    text = (
        "France accused Germany of spying on its ministers. "
        "Paris has watched two armed factions killing each other for months."
    )
    assert not any(k[0] == "ASSAULT" for k in keys(coder, text))


def test_a_cyber_attack_is_no_armed_attack(coder) -> None:
    found = keys(coder, "Paris said Moscow was behind cyber attacks on the French election.")
    assert not any(k[0] == "ASSAULT" for k in found)
