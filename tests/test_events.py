"""Event coding of the constructions news uses all the time, with our shipped pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from attache.records import Article
from event_keys import DATE, keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chinese Foreign Minister Wang Yi urged the Russians to show restraint.",
            ("REQUEST", ("CHN",), ("RUS",)),
        ),
        (
            "The foreign ministers of India and Japan held talks in Tokyo on Thursday.",
            ("CONSULT", ("IND", "JPN"), ()),
        ),
        ("Talks between Russia and Ukraine resumed in Istanbul.", ("CONSULT", ("RUS", "UKR"), ())),
        ("Israel was attacked by Hezbollah on Monday.", ("ASSAULT", ("LBN",), ("ISR",))),
        ("France condemned Russia for the strike.", ("ACCUSE", ("FRA",), ("RUS",))),
        ("The European Union imposed new sanctions on Iran.", ("SANCTION", ("EU",), ("IRN",))),
        ("Pakistani police arrested dozens of protesters in Lahore.", ("COERCE", ("PAK",), ())),
        (
            "Chinese Foreign Minister Qin Gang met his counterparts from Russia and India in Goa.",
            ("CONSULT", ("CHN", "IND", "RUS"), ()),
        ),
        (
            "In a meeting with Russian Foreign Minister Sergei Lavrov, Chinese Foreign Minister Qin Gang "
            "expressed China's willingness to work with Russia.",
            ("CONSULT", ("CHN", "RUS"), ()),
        ),
        (
            "Japanese Prime Minister Fumio Kishida said that North Korea should stop its missile tests.",
            ("REQUEST", ("JPN",), ("PRK",)),
        ),
        (
            "The United States and France accused Russia of shelling the plant.",
            ("ACCUSE", ("FRA", "USA"), ("RUS",)),
        ),
        ("Israeli strikes killed six people in southern Lebanon.", ("ASSAULT", ("ISR",), ("LBN",))),
        ("Brazil on Sunday called Argentina an aggressor.", ("ACCUSE", ("BRA",), ("ARG",))),
        ("Gunmen stormed a hotel in Bamako on Friday.", ("ASSAULT", ("MLI",), ("MLI",))),
        ("The United States and Iran traded military threats.", ("THREATEN", ("IRN", "USA"), ())),
        (
            # Parsed with "Benjamin" as the root and the verb hung from "Obama".
            "On Sunday, President Obama telephoned Israeli Prime Minister Benjamin Netanyahu.",
            ("CONSULT", ("ISR", "USA"), ()),
        ),
    ],
)
def test_argument_structures(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


@pytest.fixture(scope="module")
def flagged():
    """A coder that keeps negated and hypothetical events, flagged, so tests see them."""
    from attache.pipeline import Coder

    return Coder(keep_modal=True)


def modal(coder, text: str, event_type: str) -> list[tuple[bool, bool]]:
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    return [(e.negated, e.hypothetical) for e in events if e.event_type == event_type]


def test_content_of_an_accusation_is_not_an_event_of_its_own(coder) -> None:
    found = keys(coder, "The United States and France accused Russia of shelling the plant.")
    assert ("ACCUSE", ("FRA", "USA"), ("RUS",)) in found
    assert not any(k[0] == "ASSAULT" for k in found)


def test_denied_or_negated_attack_is_no_assault(flagged) -> None:
    assert modal(flagged, "Russia attacked Ukraine on Monday.", "ASSAULT") == [(False, False)]
    assert modal(flagged, "Russia did not attack Ukraine on Monday.", "ASSAULT") == [(True, False)]
    # A denied plan is the content of the denial: flagged or not coded at all, never a real attack.
    assert all(
        negated for negated, _ in modal(flagged, "Moscow denied any plan to attack Ukraine.", "ASSAULT")
    )


def test_conditional_invasion_is_flagged_hypothetical(flagged) -> None:
    flags = modal(flagged, "Germany will halt the pipeline if Russia invades Ukraine.", "ASSAULT")
    assert flags and all(hypothetical for _, hypothetical in flags)


def test_future_meeting_is_agree(coder) -> None:
    found = keys(coder, "The Indian prime minister will meet the Japanese prime minister next week.")
    assert any(k[0] == "AGREE" for k in found)
    assert not any(k[0] == "CONSULT" for k in found)


def test_quoted_speaker_is_the_actor(coder) -> None:
    text = "\u201cWe call on Russia to withdraw its troops,\u201d Japanese Prime Minister Fumio Kishida said."
    assert ("REQUEST", ("JPN",), ("RUS",)) in keys(coder, text)


def test_records_carry_evidence_and_reason(coder) -> None:
    text = "Indian Foreign Minister Subrahmanyam Jaishankar met Chinese Foreign Minister Qin Gang in Goa."
    [event] = [
        e for e in coder.code(Article(id="t", text=text, date=DATE)).events if e.event_type == "CONSULT"
    ]
    assert event.evidence.sentence == text
    assert text[event.evidence.trigger_start :].startswith(event.evidence.trigger)
    assert "rule CONSULT" in event.reason
    assert event.quad == "VERBAL_COOPERATION" and event.cameo_root == "04" and event.intensity == 2.5


def test_denial_answers_the_accuser(coder) -> None:
    text = "Russia accused Ukraine of shelling the plant. Ukraine denied the accusation."
    assert ("REJECT", ("UKR",), ("RUS",)) in keys(coder, text)


def test_historical_only_from_the_events_own_time(flagged) -> None:
    def historical(text: str) -> list[bool]:
        events = flagged.code(Article(id="t", text=text, date=dt.date(2024, 5, 1))).events
        return [e.historical for e in events if e.event_type == "ASSAULT"]

    assert historical("Israel attacked Gaza in 2021.") == [True]
    assert historical("Russia attacked Ukraine on Monday, two years after the 2022 invasion.")[0] is False


def test_a_dateline_is_no_actor(coder) -> None:
    text = "KABUL, Afghanistan (AP) -- Seven service members were killed on Saturday in an insider attack."
    assert not any(k[1] == ("AFG",) for k in keys(coder, text))


TWO_STATES = (
    "Mexico and the United States resume trade talks.\n\n"
    "The United States imposed tariffs on Mexico on Friday. Mexico called the tariffs unfair. "
    "The United States said Mexico must stop migrants. Mexico rejected the demand. "
    "Officials in Mexico and the United States spoke again on Monday. "
    "Trade between the United States and Mexico is worth billions.\n\n"
    "Mexico has signalled that it would retaliate. Mexico was accused of dumping steel."
)


def test_recipient_left_to_the_article_is_its_other_state(coder) -> None:
    events = coder.code(Article(id="t", text=TWO_STATES, date=DATE)).events
    threats = [e for e in events if e.event_type == "THREATEN" and e.evidence.trigger == "retaliate"]
    dyads = [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in threats]
    assert dyads == [(["MEX"], ["USA"])]
    assert "other main party" in threats[0].reason
    accusations = [e for e in events if e.event_type == "ACCUSE" and e.evidence.trigger == "accused"]
    dyads = [([a.code for a in e.actor], [r.code for r in e.recipient]) for e in accusations]
    assert dyads == [(["USA"], ["MEX"])]


def test_no_recipient_from_an_article_about_three_states(coder) -> None:
    text = TWO_STATES.replace("Officials in Mexico", "Officials in Canada, Canada, Canada, Canada, Mexico")
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    assert not [e for e in events if e.evidence.trigger == "retaliate"]


def test_calling_a_state_a_friend_is_no_accusation(coder) -> None:
    coded = keys(coder, "Brazil on Sunday called Argentina a great partner.")
    assert not any(k[0] == "ACCUSE" for k in coded)


def test_who_arrives_ahead_of_a_meeting_takes_part_in_it(coder) -> None:
    text = (
        "Chinese Foreign Minister Qin Gang arrived in Jakarta on Monday ahead of a meeting "
        "with his counterparts from Indonesia and Malaysia."
    )
    assert any(k[1] == ("CHN", "IDN", "MYS") for k in keys(coder, text) if k[0] in ("AGREE", "CONSULT"))


def test_willing_to_talk_is_an_offer_not_a_meeting(coder) -> None:
    coded = keys(coder, "Iran said it was willing to talk with the United States.")
    # An offer made to the other side: directed, not a meeting of both.
    assert ("AGREE", ("IRN",), ("USA",)) in coded
    assert not any(k[0] == "CONSULT" for k in coded)


def test_both_sides_are_the_two_states_of_the_article(coder) -> None:
    text = (
        "Israel and Lebanon traded fire. Israel struck Lebanon again. Lebanon accused Israel. "
        "Military officials from both sides are expected to hold talks at the Pentagon."
    )
    assert ("AGREE", ("ISR", "LBN"), ()) in keys(coder, text, dt.date(2026, 5, 20))


def test_receiving_orders_is_no_visit_but_targeting_with_sanctions_sanctions(coder) -> None:
    coded = keys(coder, "The Pentagon received no orders regarding Venezuela.")
    assert not any(k[0] == "CONSULT" for k in coded)
    coded = keys(coder, "The United States targeted Iran with new sanctions.")
    assert not any(k[0] == "ASSAULT" for k in coded)


def test_quote_attributed_sentences_later_has_its_speaker(coder) -> None:
    text = (
        "“We call on Russia to show restraint. We will stand by Ukraine,” "
        "Chinese Foreign Minister Qin Gang said."
    )
    assert ("REQUEST", ("CHN",), ("RUS",)) in keys(coder, text)


def test_a_meeting_with_the_articles_other_state_is_reciprocal(coder) -> None:
    text = TWO_STATES + " Mexican officials met on Tuesday."
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    talks = [e for e in events if e.event_type in ("CONSULT", "AGREE") and "other main party" in e.reason]
    assert talks and all(not e.recipient and {a.code for a in e.actor} == {"MEX", "USA"} for e in talks)


def test_hitting_with_sanctions_sanctions(coder) -> None:
    coded = keys(coder, "The European Union hit Russia with new sanctions on Monday.")
    assert ("SANCTION", ("EU",), ("RUS",)) in coded
    assert not any(k[0] == "ASSAULT" for k in coded)
    coded = keys(coder, "Those sanctions targeted Turkey's Minister of Justice on Monday.")
    assert not any(k[0] == "ASSAULT" for k in coded)


def test_actors_of_a_one_sided_type_without_recipient_are_no_pair(coder) -> None:
    coded = keys(coder, "Russia and China denied the report on Tuesday.")
    assert not any(k[0] == "REJECT" and len(k[1]) > 1 for k in coded)
    coded = keys(coder, "Argentina and Chile exchanged accusations on Tuesday.")
    assert ("ACCUSE", ("ARG", "CHL"), ()) in coded


def test_speaking_to_several_leaders_is_a_conversation_with_each(coder) -> None:
    text = "The Canadian prime minister spoke to the leaders of Kenya, Ghana and Peru on Monday."
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    calls = [e for e in events if e.event_type == "CONSULT"]
    assert calls and all({a.code for a in e.actor} == {"CAN"} for e in calls)
    assert {r.code for e in calls for r in e.recipient} == {"GHA", "KEN", "PER"}


def test_an_announced_retreat_is_a_concession_only_towards_someone(coder) -> None:
    # An enemy's troops: a withdrawal from an ally would be a SANCTION.
    text = (
        "Russian troops shelled Georgian villages in May. "
        "Russia will withdraw its troops from Georgia next month."
    )
    coded = keys(coder, text)
    assert ("CONCEDE", ("RUS",), ("GEO",)) in coded
    coded = keys(coder, "The Peruvian president said he would resign next month.")
    assert not any(k[0] in ("CONCEDE", "RETREAT") for k in coded)


def test_asking_a_question_is_no_request(coder) -> None:
    coded = keys(coder, "Asked whether Chile would send troops, the Argentine minister smiled.")
    assert not any(k[0] == "REQUEST" for k in coded)
    coded = keys(coder, "The Argentine minister, asked what Chile would do, smiled.")
    assert not any(k[0] == "REQUEST" for k in coded)
    coded = keys(coder, "The Argentine minister asked Chile to send troops.")
    assert ("REQUEST", ("ARG",), ("CHL",)) in coded


def test_who_stands_behind_a_group_is_no_support_event(coder) -> None:
    for text in (
        "Chadian troops, backed by French special forces, stormed the hotel.",
        "Hamas, backed by Iran, also condemned the strikes.",
        "The Syrian government, which is backed by Russia, rejected the plan.",
    ):
        assert not any(k[0] == "SUPPORT" for k in keys(coder, text))
    coded = keys(coder, "Iran backed the rebels in Yemen on Monday.")
    assert any(k[0] == "SUPPORT" and k[1] == ("IRN",) for k in coded)


def test_a_headline_passive_without_its_auxiliary_is_passive(coder) -> None:
    text = "Chilean minister condemned for remarks on migrants\n\nThe remarks were made on Monday."
    assert not any(k[0] == "ACCUSE" and k[1] == ("CHL",) for k in keys(coder, text))


def test_speaking_with_one_voice_is_no_conversation(coder) -> None:
    coded = keys(coder, "The Chilean president spoke with a British accent to Peru on Monday.")
    assert not any(k[0] == "CONSULT" and "GBR" in k[1] for k in coded)


def test_a_capability_or_fighting_alongside_is_no_attack(coder) -> None:
    coded = keys(coder, "North Korea has missiles capable of hitting Japan, the report said.")
    assert not any(k[0] == "ASSAULT" for k in coded)
    coded = keys(coder, "Kenyan troops have fought alongside Somali forces for years.")
    assert not any(k[0] == "ASSAULT" and k[2] == ("SOM",) for k in coded)


def test_an_object_owned_by_a_pronoun_names_no_recipient(coder) -> None:
    text = "The Chilean minister thanked her husband, a Peruvian diplomat, on Monday."
    assert not any(k[0] == "SUPPORT" and k[2] == ("PER",) for k in keys(coder, text))


def test_a_released_video_and_a_strike_in_retaliation_are_what_they_are(coder) -> None:
    coded = keys(coder, "The video, released by the Chilean army on Monday, shows the border.")
    assert not any(k[0] in ("RETREAT", "CONCEDE") for k in coded)
    coded = keys(coder, "Peru struck Chilean bases on Monday in retaliation for the raid by Chile.")
    assert ("ASSAULT", ("PER",), ("CHL",)) in coded
    assert not any(k[0] == "THREATEN" for k in coded)


def test_an_event_noun_another_event_acts_on_is_not_coded_itself(coder) -> None:
    coded = keys(coder, "Chile said that cutting military aid to Peru would be a mistake.")
    assert ("AID", ("CHL",), ("PER",)) not in coded
    assert ("AID", ("CHL",), ("PER",)) in keys(coder, "Chile sent military aid to Peru on Monday.")


def test_being_a_threat_is_no_threat_made(coder) -> None:
    assert not any(k[0] == "THREATEN" for k in keys(coder, "Peru said Chile is a threat to Bolivia."))
    assert ("THREATEN", ("CHL",), ("BOL",)) in keys(coder, "Chile issued a threat to Bolivia on Monday.")


def test_speaking_to_the_press_is_no_meeting(coder) -> None:
    text = TWO_STATES + " Speaking to reporters, a Mexican official said the talks would go on."
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    assert not any(e.event_type == "CONSULT" and e.evidence.trigger == "Speaking" for e in events)


def test_unnamed_government_forces_are_the_state_in_focus(coder) -> None:
    text = (
        "Thousands marched through Minsk against the Belarusian government on Sunday. "
        "Government forces detained dozens of students."
    )
    assert any(k[0] == "COERCE" and k[1] == ("BLR",) for k in keys(coder, text))


def test_the_country_a_foreign_official_speaks_of_is_the_other_state(coder) -> None:
    text = "Peru has been hit by floods for weeks. Blinken said the country had accepted a US offer of aid."
    assert ("AGREE", ("PER",), ("USA",)) in keys(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia expelled two Polish diplomats on Monday. Poland's foreign minister criticised the move.",
            ("ACCUSE", ("POL",), ("RUS",)),
        ),
        (
            "Russian jets bombed a market in Idlib on Monday. Turkey condemned the strikes.",
            ("ACCUSE", ("TUR",), ("RUS",)),
        ),
    ],
)
def test_a_deed_named_without_its_author_is_the_latest_events(coder, text: str, expected: tuple) -> None:
    assert expected in keys(coder, text)


def test_recalling_own_diplomats_sanctions_the_state_they_are_posted_to(coder) -> None:
    coded = keys(coder, "Chile recalled its ambassador to Venezuela on Tuesday.")
    assert ("SANCTION", ("CHL",), ("VEN",)) in coded


def test_a_quotation_opened_after_to_is_still_the_demanded_act(coder) -> None:
    text = "Chile called on Peru to “withdraw the new tariffs at once”."
    assert ("REQUEST", ("CHL",), ("PER",)) in keys(coder, text)


def test_she_is_not_the_mr_who_was_the_last_subject(coder) -> None:
    text = (
        "Kamala Harris landed in Paris on Monday. Mr Macron welcomed Ms Harris at the Elysee. "
        "She urged Russia to withdraw its troops."
    )
    coded = keys(coder, text)
    assert ("REQUEST", ("USA",), ("RUS",)) in coded
    assert ("REQUEST", ("FRA",), ("RUS",)) not in coded


@pytest.mark.parametrize(
    ("text", "expletive"),
    [
        ("It remains unclear whether Iran supported the attack.", True),
        ("It is important for Japan to support Taiwan.", True),
        ("It supported the attack on the town.", False),
    ],
)
def test_it_standing_for_a_clause_is_no_actor(coder, text: str, expletive: bool) -> None:
    from attache.events.syntax import is_expletive

    doc = coder.nlp(text)
    assert is_expletive(doc[0]) is expletive


def test_its_is_the_sentences_subject_rather_than_the_last_name(coder) -> None:
    text = "Pakistan is angry over the push for UN sanctions over its missile test on Monday."
    coded = keys(coder, text)
    assert not any(k[0] == "MOBILIZE" and k[1] == ("UN",) for k in coded)


def test_an_event_named_in_passing_by_an_adjective_is_not_reported(coder) -> None:
    coded = keys(coder, "Critics said the Chilean withdrawal could encourage the rebels.")
    assert not any(k[0] == "RETREAT" for k in coded)
    assert ("RETREAT", ("CHL",), ()) in keys(coder, "Chile completed the withdrawal of its troops on Monday.")


def test_a_visit_at_home_is_no_visit(coder) -> None:
    assert not any(
        k[0] == "CONSULT" for k in keys(coder, "The Chilean president visited Santiago on Monday.")
    )
    assert ("CONSULT", ("CHL",), ("PER",)) in keys(coder, "The Chilean president visited Peru on Monday.")
