from __future__ import annotations

import pytest

from attache.clean import clean_article
from attache.records import Article


def test_publisher_boilerplate_removed_and_kept_as_metadata() -> None:
    text = (
        "Chinese Foreign Minister Wang Yi urged restraint.\n\n"
        "Also Read | Germany, US threaten to halt pipeline if Russia invades Ukraine\n\n"
        "READ MORE: Another headline about sanctions\n\n"
        "Share this article\n\n"
        "(Photo: Reuters)\n\n"
        "Blinken urged Russia to soften its stance.\n\n"
        "The comments posted here are not from Cnews Live. Kindly refrain from using derogatory words."
    )
    cleaned = clean_article(Article(id="a", text=text, title="Wang urges restraint"))
    assert cleaned.text == (
        "Wang urges restraint\n\n"
        "Chinese Foreign Minister Wang Yi urged restraint.\n\nBlinken urged Russia to soften its stance."
    )
    kinds = [r.kind for r in cleaned.removed]
    assert kinds == ["also_read", "also_read", "share_prompt", "photo_credit", "comment_policy"]
    assert "Germany, US threaten" in cleaned.removed[0].text


def test_repeated_headline_removed_but_news_after_timestamp_kept() -> None:
    text = (
        "Wang urges restraint\n\nUpdated at 10 a.m. ET\n\nUpdated at 10 a.m. Eastern time: The siege ended."
    )
    cleaned = clean_article(Article(id="a", text=text, title="Wang urges restraint"))
    # The headline is coded once, as the first paragraph; its repetition in the body is dropped.
    assert cleaned.text == "Wang urges restraint\n\nUpdated at 10 a.m. Eastern time: The siege ended."
    assert [r.kind for r in cleaned.removed] == ["repeated_headline", "timestamp"]


@pytest.mark.parametrize(
    "text",
    [
        "Related talks between the two sides resumed.",
        "Watchdogs said the vote was fair.",
        "Shares in Gazprom fell 5% after the EU imposed new sanctions on Russian gas exports.",
        "Shared concerns over Taiwan dominated the talks between the two ministers.",
        "The minister met his counterpart in New Delhi on Monday to discuss border trade. (ANI)",
        "Updated rules on arms exports took effect on Monday, the ministry said.",
    ],
)
def test_ordinary_sentences_survive(text: str) -> None:
    assert clean_article(Article(id="a", text=text)).text == text
