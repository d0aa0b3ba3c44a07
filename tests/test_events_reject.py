"""Refusals and denials (REJECT): whom they are aimed at when the sentence does not say."""

from __future__ import annotations

from event_keys import keys


def test_a_denial_in_a_two_state_article_is_aimed_at_the_other_state(coder) -> None:
    text = (
        "Armenia and Azerbaijan have fought over the border for years. "
        "Armenia says Azerbaijan has moved troops closer to the line. "
        "Azerbaijan held drills near the border with Armenia on Monday. "
        "Armenian officials met in Yerevan, while Azerbaijani officials met in Baku. "
        "Azerbaijan denied any involvement in the blast near the border."
    )
    assert ("REJECT", ("AZE",), ("ARM",)) in keys(coder, text)


def test_a_charge_the_parser_reads_as_a_noun_is_still_denied(coder) -> None:
    # "denies" closing the relative clause is read as a noun modified by "Moscow".
    text = "Kyiv accuses Moscow of targeting civilians, a charge Moscow regularly denies."
    assert ("REJECT", ("RUS",), ("UKR",)) in keys(coder, text)


def test_a_refusal_to_act_on_someone_is_aimed_at_them(coder) -> None:
    assert ("REJECT", ("SDN",), ("ICC",)) in keys(
        coder, "Sudan's president said he would refuse to deal with the International Criminal Court."
    )
    assert ("REJECT", ("PSE",), ("ISR",)) in keys(coder, "Hamas rejected negotiations with Israel.")


def test_a_refusal_answers_the_request_before_the_refused_act(coder) -> None:
    text = "The United States urged China to condemn Russia. China refused to condemn Russia."
    coded = keys(coder, text)
    assert ("REJECT", ("CHN",), ("USA",)) in coded
    assert ("REJECT", ("CHN",), ("RUS",)) not in coded


def test_a_refusal_in_an_article_about_one_state_is_aimed_at_home(coder) -> None:
    text = (
        "Nigeria's government is under pressure over the kidnapped students. "
        "Nigerian parents marched in Abuja. Nigeria's army searched the forest. "
        "Nigerian lawmakers debated the crisis. Nigeria's government ruled out a prisoner swap."
    )
    assert ("REJECT", ("NGA",), ("NGA",)) in keys(coder, text)


def test_a_denied_deed_names_whom_it_hit(coder) -> None:
    text = "Syria denies any role in the bombing of Turkish positions and in attacks on Turkish troops."
    assert ("REJECT", ("SYR",), ("TUR",)) in keys(coder, text)


def test_refusing_a_hostile_act_spares_its_target(coder) -> None:
    assert ("REJECT", ("IND",), ("RUS",)) not in keys(coder, "India has refused to condemn Russia.")


def test_refusing_food_is_no_rejection(coder) -> None:
    coded = keys(coder, "The detained Kenyan activists said they would refuse food until they are freed.")
    assert not any(k[0] == "REJECT" for k in coded)


def test_a_veto_is_cast_in_a_body(coder) -> None:
    assert ("REJECT", ("CHN",), ("UN",)) in keys(
        coder, "China cast a veto in the Security Council on Friday."
    )
