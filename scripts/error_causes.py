"""Group an evaluation's misses and false alarms by cause: the table in docs/accuracy.md.

usage: python scripts/error_causes.py GOLD.jsonl PRED.jsonl [--spacy-model NAME] [--examples N]

PRED is what ``attache code GOLD.jsonl -o PRED.jsonl --include-modal`` wrote (with
``--include-modal`` the negated and hypothetical events are there to be recognised).
Each required gold key that was missed, and each predicted key that is not in the
gold, gets one cause, decided in this order:

missed (gold key not predicted)
  boilerplate      the gold evidence is not in the cleaned text (removed as boilerplate)
  sentence split   the evidence runs across a sentence boundary of ours
  negation/modality  we coded it, but flagged negated or hypothetical
  reciprocal vs directed  we coded the same type and codes, as A->B where gold has A+B or back
  wrong type       we coded the same actors in that sentence under another type
  wrong argument   we coded that type in that sentence with other codes
  coreference      a trigger of the type is there and its actor is a pronoun or a role nominal
  actor resolution a trigger of the type is there but no event came out (arguments unresolved)
  trigger missing  no word of the sentence is a trigger of that type in our lexicon
false alarms (predicted key not in gold)
  duplicate        the same event is already counted from another sentence (never: keys are sets)
  wrong argument   gold has that type in that sentence, with other codes
  wrong type       gold has an event with these codes in that sentence, of another type
  not an event     gold has nothing of that type there: a spurious trigger or reading
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from attache.clean import clean_article
from attache.evaluate import codes, key_text, keys, load_gold
from attache.events.lexicon import load_lexicon
from attache.nlp import load_pipeline

PRONOUN_LIKE = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i"}
ROLE_NOMINALS = {
    "minister",
    "president",
    "leader",
    "group",
    "country",
    "side",
    "government",
    "official",
    "organization",
    "organisation",
    "bloc",
    "militants",
    "regime",
    "administration",
}


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    gold = load_gold(args.gold)
    lexicon = load_lexicon()
    nlp = load_pipeline(args.spacy_model)
    by_article: dict[str, list[dict]] = collections.defaultdict(list)
    for line in args.pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_article[record["article_id"]].append(record)

    missed: collections.Counter[str] = collections.Counter()
    false: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    raw = {}
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            raw[article["id"]] = article

    for article_id, entry in gold.items():
        text = clean_article(entry.article).text
        doc = nlp(text)
        sentences = list(doc.sents)
        records = by_article.get(article_id, [])
        real = [r for r in records if not (r.get("negated") or r.get("hypothetical"))]
        modal = [r for r in records if r.get("negated") or r.get("hypothetical")]
        predicted = {k for r in real for k in keys(r["event_type"], codes(r["actor"]), codes(r["recipient"]))}
        gold_events = raw[article_id]["events"]

        def sentence_of(evidence: str, sentences=sentences, text=text):
            at = _norm(text).find(_norm(evidence)[:60])
            if at < 0:
                return None, None
            end = at + len(evidence)
            inside = [s for s in sentences if s.start_char < end and s.end_char > at]
            return inside, at

        seen: set = set()
        for event in gold_events:
            if not event.get("required", True):
                continue
            for key in keys(event["type"], codes(event["actor"]), codes(event["recipient"])):
                if key in predicted or key in seen:
                    continue
                seen.add(key)
                inside, _ = sentence_of(event["evidence"])
                cause = _missed_cause(key, event, inside, real, modal, lexicon)
                missed[cause] += 1
                examples[f"missed: {cause}"].append(
                    f"{article_id} {key_text(key)} | {event['evidence'][:110]}"
                )
        gold_keys = entry.required | entry.optional
        for record in real:
            for key in keys(record["event_type"], codes(record["actor"]), codes(record["recipient"])):
                if key in gold_keys or key in seen:
                    continue
                seen.add(key)
                cause = _false_cause(record, gold_events, text)
                false[cause] += 1
                examples[f"false: {cause}"].append(
                    f"{article_id} {key_text(key)} | {record['evidence']['sentence'][:110]}"
                )

    if args.json:
        print(json.dumps({"missed": missed, "false_alarms": false}))
        return
    print(f"{'cause':<26}{'missed':>8}{'false alarms':>14}")
    for cause in sorted(set(missed) | set(false), key=lambda c: -(missed[c] + false[c])):
        print(f"{cause:<26}{missed[cause]:>8}{false[cause]:>14}")
    print(f"{'total':<26}{sum(missed.values()):>8}{sum(false.values()):>14}")
    if args.examples:
        for label, lines in sorted(examples.items()):
            print(f"\n== {label}")
            for line in lines[: args.examples]:
                print("  " + line)


def _in_sentences(record: dict, inside) -> bool:
    return any(s.start_char <= record["evidence"]["start"] < s.end_char for s in inside)


def _missed_cause(key, event, inside, real, modal, lexicon) -> str:
    if inside is None:
        return "boilerplate"
    if len(inside) > 1:
        return "sentence split"
    event_type = key[0]
    gold_codes = set(key[1]) if isinstance(key[1], frozenset) else {key[1], key[2]} - {"-"}
    here = [r for r in real if _in_sentences(r, inside)]
    if any(r["event_type"] == event_type and _in_sentences(r, inside) for r in modal):
        return "negation/modality"
    for r in here:
        pred_codes = set(codes(r["actor"])) | set(codes(r["recipient"]))
        if r["event_type"] == event_type and gold_codes <= pred_codes:
            return "reciprocal vs directed"
    if any(
        r["event_type"] != event_type and gold_codes <= set(codes(r["actor"])) | set(codes(r["recipient"]))
        for r in here
    ):
        return "wrong type"
    if any(r["event_type"] == event_type for r in here):
        return "wrong argument"
    sentence = inside[0]
    triggers = [
        t
        for t in sentence
        if any(
            tr.event_type == event_type
            for pos in ("verb", "noun", "adjective")
            for lemma in lexicon.lemmas(t.lower_, t.lemma_.lower())
            for tr in lexicon.triggers(lemma, pos)
        )
    ]
    if not triggers:
        return "trigger missing"
    words = {t.lower_ for t in sentence}
    if words & PRONOUN_LIKE or any(
        t.lemma_.lower() in ROLE_NOMINALS for t in sentence if t.dep_.startswith("nsubj")
    ):
        return "coreference"
    return "actor resolution"


def _false_cause(record, gold_events, text) -> str:
    sentence = _norm(record["evidence"]["sentence"])
    here = [
        e
        for e in gold_events
        if _norm(e["evidence"])[:60] in sentence or sentence[:60] in _norm(e["evidence"])
    ]
    pred_codes = set(codes(record["actor"])) | set(codes(record["recipient"]))
    if any(e["type"] == record["event_type"] for e in here):
        return "wrong argument"
    if any(pred_codes <= set(codes(e["actor"])) | set(codes(e["recipient"])) for e in here):
        return "wrong type"
    return "not an event"


if __name__ == "__main__":
    main()
