"""Within-article actor memory: surnames, pronouns and role nominals.

News introduces a person once with their office ("Indian Foreign Minister Subrahmanyam
Jaishankar") and then says "Jaishankar", "he" or "the minister". ``ArticleActors`` keeps
what the article has mentioned so far, most recent first, and resolves such phrases
against it before falling back to the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import yaml

from attache.actors.entity import ActorEntity
from attache.actors.kb import ActorKB, Mention
from attache.actors.normalize import norm_key, tokenize
from attache.actors.resolve import NAME_PARTICLES
from attache.actors.scan import NOT_NAMES, scan

# Reference phrases ("the two sides", "the organization", "the minister"): data/references.yaml.
_REFERENCES = yaml.safe_load((Path(__file__).parent / "data" / "references.yaml").read_text(encoding="utf-8"))


def _phrases(name: str) -> frozenset[str]:
    return frozenset(norm_key(str(p)) for p in _REFERENCES[name])


SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# "Ms Albanese", "Mrs. Clinton", "Mr. Abbas": the honorific tells "she" from "he".
GENDERED_HONORIFIC = re.compile(
    r"\b(?:(?P<f>Ms|Mrs|Miss|Madam|Mme)|(?P<m>Mr))\.?\s+(?:[A-Z][\w'’-]+\s+){0,2}(?P<name>[A-Z][\w-]+)"
)
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
DEFINITE = frozenset({"the", "his", "her", "its", "their"})
PAIR_PHRASES = _phrases("pair_phrases")
ORG_PHRASES = _phrases("organisation_phrases")
STATE_PHRASES = _phrases("state_phrases")
OTHER_COUNTRY_PHRASES = _phrases("other_country_phrases")
GROUP_PHRASES = _phrases("group_phrases")
GIVEN_NAME_FIRST_WORD = frozenset({"CHN", "TWN", "KOR", "PRK", "THA"})
ARMED_GROUP_PHRASES = _phrases("armed_group_phrases")
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL", "CRM", "SPY"})
# Sectors of a state's civil institutions: "authorities", "prosecutors", "security forces"
# named without a state are those of the state in focus. Troops may be anyone's, unless
# they are said to be the government's ("government forces").
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
OWN_FORCES = frozenset(str(w) for w in _REFERENCES["own_forces_words"])
SEVERAL_STATES_AGENTS = frozenset(str(w) for w in _REFERENCES["several_states_agents"])
# Groups that "the group" does not point back to: media and civilian peoples.
NOT_GROUP_SECTORS = frozenset({"JRN", "CVL"})
ROLE_NOMINALS: dict[str, tuple[str, ...]] = {
    str(k): tuple(str(w) for w in v) for k, v in _REFERENCES["role_nominals"].items()
}
_DETERMINERS = ("the ", "this ", "that ", "our ", "his ", "her ", "their ")
# "Sen. Mitt Romney (R-Utah)", "Rep. Mike Lawler (R-N.Y.)": a member of the US Congress.
PARTY_STATE = re.compile(r"\s*\((?:R|D|I)-[A-Z][A-Za-z. ]{0,14}\)")
LEGISLATOR_WORDS = frozenset(
    "sen senator rep representative congressman congresswoman lawmaker legislator mp".split()
)
# Capitalised words before a surname that are no given names ("Friday Putin", "Leap Day").
NOT_GIVEN_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december christmas easter leap""".split()
)
# Sentence-initial adverbs before a surname ("Eventually Morsi", "Separately Putin");
# given names ending in -ly (Emily, Kelly, Kimberly) have none of these endings.
ADVERB_ENDINGS = ("ally", "ually", "ously", "ively", "ately", "ently", "antly", "edly", "ully", "tly")
# Words before a name that are honorifics or titles, not part of it: "Mr. Abbas",
# "President Abbas", "Sen. Graham" are the Abbas or Graham the article introduced.
HONORIFICS = frozenset(
    """mr mrs ms miss dr sir dame lord lady sen senator rep representative congressman
    congresswoman gen general adm admiral col colonel lt capt captain maj major sgt pastor
    president premier chancellor minister secretary ambassador envoy spokesman spokeswoman
    judge justice king queen prince emir sheikh ayatollah imam mayor governor gov former
    late""".split()
)


def _introduced(e: ActorEntity) -> bool:
    return (e.reason or "").startswith("person introduced")


def _name_key(text: str) -> str:
    """The name in "Mr. Abbas", "President Abbas", "Sen. Lindsey Graham (R-S.C.)"."""
    toks = norm_key(PARTY_STATE.sub("", text)).split()
    while len(toks) > 1 and (toks[0] in HONORIFICS or toks[0] in {"the", "u", "s", "us"}):
        toks = toks[1:]
    return " ".join(toks)


def _leader(e: ActorEntity) -> bool:
    office = (e.office or "").lower()
    return any(w in office for w in ("president", "prime minister", "premier", "chancellor"))


def _introduced_with_role(e: ActorEntity) -> bool:
    reason = e.reason or ""
    return reason.startswith("person introduced with role") or reason.startswith("introduced with office")


def _strip_det(key: str) -> str:
    for d in _DETERMINERS:
        if key.startswith(d):
            return key[len(d) :]
    return key


class ArticleActors:
    """Coreference memory for one article, fed sentence by sentence."""

    def __init__(self, kb: ActorKB, on: dt.date | None = None) -> None:
        self.kb = kb
        self.on = on.date() if isinstance(on, dt.datetime) else on
        self.persons: list[ActorEntity] = []  # most recent last
        self.states: list[ActorEntity] = []
        self.orgs: list[ActorEntity] = []
        self.groups: list[ActorEntity] = []
        self.actors: list[ActorEntity] = []  # every resolved actor, most recent last
        self.plural: list[ActorEntity] = []  # the last set of several actors or a group
        self.names: dict[str, ActorEntity] = {}  # name/surname key -> person seen
        # Entities read from a group of states (and their copies), by id; kept alive here so
        # that an id is never reused.
        self._members: dict[int, ActorEntity] = {}
        # Where each remembered entity was named: (entity, sentence number, character offset
        # in that sentence), by id. A reference resolves only to what was named before it:
        # in "Ukraine ... intensified its attacks ... near the Baltic states", "its" is
        # Ukraine, although the whole sentence was read (start_sentence) before it.
        self._where: dict[int, tuple[ActorEntity, int, int]] = {}
        self._sentence = ""
        self._sentence_no = 0
        self._limit: int | None = None  # offset of the phrase being resolved, if found
        self._plurals: list[list[ActorEntity]] = []  # earlier values of self.plural
        self._gender: dict[str, str] = {}  # surname key -> "f" or "m", from honorifics

    # ------------------------------------------------------------------ memory
    def _remember(self, ents: list[ActorEntity], pos: int = 0, only_full_name: bool = False) -> None:
        # A place ("Aleppo") is where things happen: "it", "they" and "the country" never
        # point back to it.
        ents = [e for e in ents if not e.place]
        for e in ents:
            self._where[id(e)] = (e, self._sentence_no, pos)
            if (e.reason or "").startswith("group of states"):
                self._members[id(e)] = e
            self.actors.append(e)
            if e.name and (e.pid is not None or e.office or _introduced(e)):
                self.persons.append(e)
                self._register_name(e, only_full_name)
                if e.code in self.kb.states:
                    self.states.append(e)  # "the country" can be the minister's
            elif e.sector == "IGO" or e.code in self.kb.data.igos:
                self.orgs.append(e)
                self.plural = [e]
            elif e.code in self.kb.states:
                self.states.append(e)
            if (e.reason or "").startswith("group '") and e.sector not in NOT_GROUP_SECTORS:
                # Not "group of states" members, not news agencies: "the rebels said" is
                # never TASS, "the group" never South Korea.
                self.groups.append(e)
                self.plural = [e]
        if len(ents) > 1:
            self.plural = list(ents)
        if self.plural and (not self._plurals or self._plurals[-1] is not self.plural):
            self._plurals.append(self.plural)
        for lst in (self.persons, self.states, self.orgs, self.groups, self.actors, self._plurals):
            del lst[:-50]
        if len(self._where) > 2000:
            lists = (self.persons, self.states, self.orgs, self.groups, self.actors)
            live = {id(e) for lst in lists for e in lst}
            live |= {id(e) for p in self._plurals for e in p}
            self._where = {k: v for k, v in self._where.items() if k in live}

    def _before(self, e: ActorEntity) -> bool:
        """Whether ``e`` was named before the phrase being resolved."""
        if self._limit is None:
            return True
        got = self._where.get(id(e))
        if got is None or got[0] is not e or got[1] != self._sentence_no:
            return True
        return got[2] < self._limit

    def _recent(self, e: ActorEntity) -> bool:
        """Whether ``e`` was named in this sentence or the last one before it that named anyone."""
        got = self._where.get(id(e))
        if got is None or got[0] is not e:
            return False
        earlier = [n for _, n, _ in self._where.values() if n < self._sentence_no]
        return got[1] >= max(earlier, default=self._sentence_no)

    def _seen(self, ents: list[ActorEntity]) -> list[ActorEntity]:
        """``ents`` named before the phrase being resolved, nearest last: earlier
        sentences in the order read, then the current sentence in text order."""
        if self._limit is None:
            return list(ents)  # not placed in the sentence: most recently read last
        earlier, here = [], []
        for e in ents:
            if not self._before(e):
                continue
            got = self._where.get(id(e))
            if got is not None and got[0] is e and got[1] == self._sentence_no:
                here.append((got[2], e))
            else:
                earlier.append(e)
        return earlier + [e for _, e in sorted(here, key=lambda x: x[0])]

    def _locate(self, text: str, last: bool) -> int | None:
        """Offset of ``text`` in the current sentence (its last or first occurrence)."""
        needle = text.strip()
        if not needle or not self._sentence:
            return None
        hits = [
            m.start()
            for m in re.finditer(re.escape(needle), self._sentence)
            if (m.start() == 0 or not self._sentence[m.start() - 1].isalnum())
            and (m.end() == len(self._sentence) or not self._sentence[m.end()].isalnum())
        ]
        if not hits:
            return None
        return hits[-1] if last else hits[0]

    def _register_name(self, e: ActorEntity, only_full_name: bool = False) -> None:
        if not e.name:
            return
        key = norm_key(e.name)
        toks = key.split()
        self.names[key] = e
        if toks and not only_full_name:
            self.names[toks[-1]] = e
            if e.code in GIVEN_NAME_FIRST_WORD:
                # Chinese and Korean names put the family name first ("Xi"); Thai people
                # are called by their given name ("Prayuth" for Prayuth Chan-ocha).
                self.names[toks[0]] = e
            # Double and hyphenated surnames: "Diaz-Canel" or "Canel" for Miguel
            # Diaz-Canel Bermudez, "Sanchez" for Pedro Sanchez Perez-Castejon; never
            # replacing someone the article named under that word before.
            for tok in toks[1:-1]:
                if len(tok) > 2 and tok not in NAME_PARTICLES and tok not in NOT_NAMES:
                    self.names.setdefault(tok, e)
            if len(toks) >= 3:
                self.names.setdefault(" ".join(toks[1:-1]), e)
                self.names.setdefault(" ".join(toks[1:]), e)

    def start_sentence(self, text: str) -> list[Mention]:
        """Read a sentence in article order; what it names becomes salient. Returns the
        sentence's gazetteer mentions, so a caller need not scan it again."""
        self._sentence = text
        self._sentence_no += 1
        self._limit = None
        mentions = self.kb.find_mentions(text, self.on)
        for m in mentions:
            key = norm_key(m.text)
            local = self.names.get(key)
            if local is not None and " " not in key and m.kind in {"surname", "person"}:
                # "Albanese" after the article introduced Francesca Albanese is her.
                self._remember([local], m.start)
                continue
            self._remember(m.entities, m.start)
        self._introductions(text)
        for m in GENDERED_HONORIFIC.finditer(text):
            self._gender.setdefault(norm_key(m.group("name")), "f" if m.group("f") else "m")
        return mentions

    def _introductions(self, text: str) -> None:
        """Register people the sentence introduces with an office or role the KB cannot
        name ("... said Nigerian Foreign Minister Yusuf Tuggar", "State Department
        spokeswoman Jen Psaki", "Ruhsar Pekcan, Turkey's trade minister"), so that a later
        "Tuggar", "Psaki" or "Pekcan" resolves even if the event coder never asked about
        the first mention."""
        toks = tokenize(text)
        items = scan(self.kb.data, toks)
        self._namesakes(items, toks, text)
        for phrase in self._role_phrases(items, toks, text) + self._appositions(items, toks, text):
            ents = self.kb.lookup(phrase, self.on)
            if len(ents) == 1 and ents[0].name and _introduced_with_role(ents[0]):
                if norm_key(ents[0].name) not in self.names:
                    self._remember(ents, self._locate(phrase, last=False) or 0)
        self._legislators(toks, text)

    def _legislators(self, toks: list, text: str) -> None:
        """'Senator Ted Cruz', 'Rep. Mike Lawler (R-N.Y.)': a legislator the KB does not
        know, of the state the article is mostly about (USA with "(R-Utah)")."""
        for k, t in enumerate(toks[:-1]):
            if t.key not in LEGISLATOR_WORDS or not t.surface[:1].isupper():
                continue
            words = []
            for nxt in toks[k + 1 : k + 5]:
                if nxt.surface[:1].isupper() and nxt.key not in NOT_NAMES and nxt.key not in LEGISLATOR_WORDS:
                    words.append(nxt)
                else:
                    break
            if len(words) < 2:
                continue
            name = " ".join(w.surface for w in words)
            if norm_key(name) in self.names or self.kb.lookup(name, self.on):
                continue  # known, or a namesake already read
            code = ""
            if PARTY_STATE.match(text[words[-1].end : words[-1].end + 12]):
                code = "USA"
            else:
                counts = Counter(e.code for e in self.actors if e.code in self.kb.states)
                if counts:
                    code = counts.most_common(1)[0][0]
            if not code:
                continue
            ent = ActorEntity(
                text=name,
                code=code,
                sector="LEG",
                name=name,
                office=t.surface,
                reason=f"person introduced with role: {t.surface} ({code}, the article's state)",
            )
            self._remember([ent], words[0].start)

    @staticmethod
    def _name_run(items: list, k: int, toks: list) -> int:
        """The index after the capitalised unknown words starting at items[k] (k if none)."""
        end = k
        while end < len(items) and end - k < 5:
            nxt = items[end]
            surf = toks[nxt.i].surface
            if nxt.kind == "word" and surf[:1].isupper() and nxt.key not in NOT_NAMES:
                end += 1
            else:
                break
        return end

    def _role_phrases(self, items: list, toks: list, text: str) -> list[str]:
        """'<state or organisation> ... <title or agent> [to <organisation>] <Name>'."""
        out = []
        for k, it in enumerate(items):
            if it.kind not in {"title", "agent"}:
                continue
            owner = None
            for back in range(k - 1, max(-1, k - 7), -1):
                if items[back].kind == "conj":
                    break
                if items[back].kind == "gaz":
                    owner = back
            if owner is None:
                continue
            # the name follows the role, or the organisation it is posted to
            m = k + 1
            while (
                m < len(items)
                and m - k <= 4
                and (
                    items[m].kind == "gaz"
                    or (items[m].kind == "word" and items[m].key in {"to", "the", "at"})
                )
            ):
                m += 1
            end = self._name_run(items, m, toks)
            if end == m:
                end = self._name_run(items, k + 1, toks)
                m = k + 1
            if end == m or any(x.kind == "gaz" and "person" in x.kinds() for x in items[m:end]):
                continue
            out.append(text[toks[items[owner].i].start : toks[items[end - 1].j - 1].end])
        return out

    def _appositions(self, items: list, toks: list, text: str) -> list[str]:
        """'<Given Surname>, [the] <state or organisation> ... <title or agent>'."""
        out = []
        k = 0
        while k < len(items):
            end = self._name_run(items, k, toks)
            if end - k < 2 or end >= len(items) or items[end].key != ",":
                k = max(end, k + 1)
                continue
            stop = end + 1
            while stop < len(items) and stop - end <= 12 and items[stop].key not in {",", ";"}:
                stop += 1
            desc = items[end + 1 : stop]
            if any(x.kind in {"title", "agent"} for x in desc) and any(x.kind == "gaz" for x in desc):
                out.append(text[toks[items[k].i].start : toks[items[stop - 1].j - 1].end])
            k = stop
        return out

    # ------------------------------------------------------------------ resolve
    def resolve(self, text: str, start: int | None = None) -> list[ActorEntity]:
        """Like ``ActorKB.lookup`` plus the article's own people and references.

        ``start``: where ``text`` begins in the sentence given to ``start_sentence``
        (character offset), if the caller knows it; a reference then sees only what the
        sentence names before it. Without it, the phrase's last occurrence in the sentence
        stands in (the same, unless the phrase occurs twice: "its ... its")."""
        key = norm_key(text)
        if not key:
            return []
        self._limit = start if start is not None else self._locate(text, last=True)
        try:
            ents = self._resolve(key, text)
        finally:
            pos, self._limit = self._limit, None
        if ents:
            first = start if start is not None else self._locate(text, last=False)
            self._remember(ents, first if first is not None else (pos or 0))
        return ents

    def _resolve(self, key: str, text: str) -> list[ActorEntity]:
        ents = self._refer(key, text)
        if ents is None:
            ents = self.kb.lookup(text, self.on)
            local = self.names.get(_strip_det(key)) or self.names.get(_name_key(text))
            # The article's own people win over the KB's reading of a name, but not over
            # a state or organisation ("Gaza" is not a person's surname here).
            if local is not None and (not ents or all(e.pid is not None for e in ents)):
                ents = [self._copy(local, text, f"seen earlier in article as '{local.name}'")]
            elif not ents:
                ents = self._definite(key, text)
        return ents

    def _copy(self, e: ActorEntity, text: str, why: str) -> ActorEntity:
        target = e.name or e.code
        if e.office:
            target += f", {e.office} of {e.code}"
        got = e.model_copy(update={"text": text, "reason": f"{why} -> {target}"})
        if id(e) in self._members:
            self._members[id(got)] = got
        return got

    def _definite(self, key: str, text: str) -> list[ActorEntity]:
        """'the ministry', 'the army', 'his country': an institution of the state the
        article is about (the last one mentioned, or the last person's)."""
        toks = key.split()
        sector = self.kb.data.agents.get(key)
        if (
            toks
            and toks[0] not in DEFINITE
            and key.endswith("s")
            and not key.endswith("ss")  # "congress"
            and (sector in STATE_SECTORS or (sector == "MIL" and toks[0] in OWN_FORCES))
            and not (text[:1].isupper() and self._limit)  # "House of Representatives"
            and toks[-1] not in SEVERAL_STATES_AGENTS
        ):
            # "Authorities deployed troops", "government forces shelled ...": unnamed, the
            # state's own. A bare singular is mostly a modifier ("military drills").
            toks = ["the", *toks]
        if len(toks) < 2 or toks[0] not in DEFINITE:
            return []
        head = " ".join(toks[1:])
        if toks[0] in {"his", "her"} and head in {"country", "government", "nation", "administration"}:
            for e in reversed(self._seen(self.persons)):
                if e.code in self.kb.states:
                    return [self._state(e, text, "GOV", f"'{key}' -> the person's state")]
            return []
        sector = self.kb.data.agents.get(head)
        states = self._seen(self.states)
        if sector is None or sector in {"CVL", "REF", "UNK"} or not states:
            return []
        if toks[0] == "their":
            # "China and India ... a clash between their troops": the troops of each.
            plural = next((p for p in reversed(self._plurals) if all(map(self._before, p))), [])
            owners = list({e.code: e for e in plural if e.code in self.kb.states}.values())
            if len(owners) < 2 or not all(map(self._recent, owners)):
                # Named apart but just now ("Qin met Jaishankar ... China ... India"): the two states.
                named = [e for e in self._seen(self.actors) if self._recent(e) and e.code in self.kb.states]
                owners = list({e.code: e for e in named}.values())
                if len(owners) != 2:
                    owners = []
            if owners:
                return [self._state(e, text, sector, f"'{key}' of the states just named") for e in owners]
        return [self._state(states[-1], text, sector, f"'{key}' of the state in focus")]

    def _state(self, e: ActorEntity, text: str, sector: str | None, why: str) -> ActorEntity:
        name = self.kb.states.get(e.code, {}).get("name", e.name)
        return ActorEntity(text=text, code=e.code, sector=sector, name=name, reason=f"{why} -> {e.code}")

    def _namesakes(self, items: list, toks: list, text: str = "") -> None:
        """'Francesca Albanese' is not Anthony Albanese: a known surname after an unknown
        given name is a different person. Remember them (coded by the organisation or
        state the sentence names close by, else UNK) so that a later "Albanese" does
        not become Australia's prime minister."""
        for k, it in enumerate(items):
            if it.kind != "gaz" or k == 0 or not ({"surname", "person"} & it.kinds()):
                continue
            prev = items[k - 1]
            given = toks[prev.i]
            if (
                prev.kind != "word"
                or prev.j != it.i
                or not given.surface[:1].isupper()
                or given.key in NOT_NAMES
                or given.key in NOT_GIVEN_NAMES
                or (len(given.surface) > 1 and given.surface.isupper())  # "GRAPHIC Trump"
                or given.key.endswith(ADVERB_ENDINGS)  # "Eventually Morsi would resign"
            ):
                continue
            known = self.kb.lookup(" ".join(t.surface for t in toks[prev.i : it.j]), self.on)
            if known:
                continue  # a spelling of a known person ("Nickolay Mladenov")
            before = [given.key]
            if k >= 2 and items[k - 2].kind in {"word", "gaz"} and toks[items[k - 2].i].surface[:1].isupper():
                before.append(toks[items[k - 2].i].key)  # "Adly Mahmud Mansour"
            if any(self._same_person(it, g) for g in before):
                continue  # "Jean-Marc Ayrault" written "Marc Ayrault": the KB's Ayrault
            # Their affiliation: an organisation named close by ("the UN special
            # rapporteur, Francesca Albanese" / "Francesca Albanese, the UN rapporteur"),
            # or a state (a party of one) right before the name or in an apposition after
            # it ("Italian lawyer Francesca Albanese", "GOP Sen. John Kennedy", "Martin
            # Dempsey, chairman of the U.S. Joint Chiefs"); "(R-Utah)" after a name is a
            # member of the US Congress.
            code, sector = "UNK", "GOV"
            after = text[toks[it.j - 1].end : toks[it.j - 1].end + 12] if text else ""
            if PARTY_STATE.match(after):
                code, sector = "USA", "LEG"
            near = items[max(0, k - 10) : k - 1][::-1] + items[k + 1 : k + 8]
            for other in near if code == "UNK" else ():
                if other.kind == "gaz" and other.kinds() & {"body", "igo", "members"}:
                    code = other.entries[0][2]
                    break
            else:
                apposition = items[k + 2 : k + 8] if k + 1 < len(items) and items[k + 1].key == "," else []
                for other in items[max(0, k - 4) : k - 1][::-1] + apposition:
                    if code != "UNK":
                        break
                    if other.kind == "gaz" and other.kinds() & {"state", "demonym", "group", "seat"}:
                        cand = other.entries[0][2]
                        if cand and cand != "UNK" and cand in self.kb.states:
                            code = cand
            if sector == "GOV" and k >= 2 and toks[items[k - 2].i].key in LEGISLATOR_WORDS:
                sector = "LEG"
                if code == "UNK":
                    # "Senator Ted Cruz": a legislator of the state the article is about.
                    counts = Counter(e.code for e in self.actors if e.code in self.kb.states)
                    if counts:
                        code = counts.most_common(1)[0][0]
            name = f"{given.surface} {toks[it.i].surface}"
            ent = ActorEntity(
                text=name,
                code=code,
                sector="IGO" if code in self.kb.data.igos else sector,
                name=name,
                reason=f"person introduced in the article, not the KB's namesake ({code})",
            )
            if code == "UNK" and self._surname_in_office(toks[it.i].surface):
                # "Teleprompter Trump", "Melania Trump": a later "Trump" is still the
                # president; only the full name is this person.
                self._remember([ent], only_full_name=True)
            else:
                self._remember([ent])

    def _same_person(self, it, given: str) -> bool:
        """Whether a KB person with this surname has ``given`` among their names."""
        for e in it.entries:
            if e[0] not in {"surname", "person"} or not isinstance(e[1], int):
                continue
            person = self.kb.data.persons[e[1]]
            if given in norm_key(person.name.replace("-", " ")).split()[:-1]:
                return True
        return False

    def _surname_in_office(self, surname: str) -> bool:
        """Whether the KB reads the bare surname as someone in office on the date whose
        state the article has named ("Trump" in an article about the US; not "Cruz" for
        Cuba's prime minister in an article that never names Cuba)."""
        named = {e.code for e in self.actors}
        ents = self.kb.lookup(surname, self.on)
        return any(e.office and e.pid is not None and e.start is not None and e.code in named for e in ents)

    def _refer(self, key: str, text: str) -> list[ActorEntity] | None:
        """Pronouns and definite descriptions; None when the phrase is not one."""
        # Most phrases asked about are names: each branch reads only the memory it needs.
        if key in NEUTER_PRONOUNS:
            for e in reversed(self._seen(self.actors)):
                if id(e) in self._members:
                    continue  # one of "the Baltic states" is not "it"
                if not (e.name and (e.pid is not None or e.office)):
                    return [self._copy(e, text, "pronoun 'it'")]
            return []
        if key in SINGULAR_PRONOUNS:
            # A person the article calls "Ms" is "she", one it calls "Mr" is "he"; the
            # others may be either.
            want = "f" if key in FEMININE_PRONOUNS else "m"
            persons = self._seen(self.persons)
            marked = [e for e in persons if self._gender_of(e) == want]
            fits = [e for e in persons if self._gender_of(e) in {want, ""}]
            if want == "f" and marked:
                fits = marked
            return [self._copy(fits[-1], text, "pronoun")] if fits else []
        if key in PLURAL_PRONOUNS:
            plural = next((p for p in reversed(self._plurals) if all(map(self._before, p))), [])
            if plural:
                return [self._copy(e, text, "pronoun") for e in plural]
            states = self._seen(self.states)
            return [self._copy(states[-1], text, "pronoun")] if states else []
        if key in PAIR_PHRASES:
            pair: list[ActorEntity] = []
            # States and their people first: "the two sides" are rarely an organisation.
            seen_actors = self._seen(self.actors)
            for pool in ([e for e in seen_actors if e.sector != "IGO"], seen_actors):
                pair, seen = [], set()
                for e in reversed(pool):
                    if e.code not in seen and e.code != "UNK":
                        seen.add(e.code)
                        pair.append(e)
                    if len(pair) == 2:
                        break
                if len(pair) == 2:
                    break
            return [self._copy(e, text, "the two sides") for e in reversed(pair)]
        if key in ORG_PHRASES:
            # "the organization" is one named as such, not "Europe" or "EU leaders", which
            # name its members.
            orgs = self._seen(self.orgs)
            named_orgs = [e for e in orgs if not (e.reason or "").startswith("organisation members")]
            orgs = named_orgs or orgs
            return [self._copy(orgs[-1], text, "the organisation")] if orgs else []
        groups = self._seen(self.groups) if key in GROUP_PHRASES else []
        if groups:
            if key in ARMED_GROUP_PHRASES:
                # "the militants", "the rebels": an armed group, not the Kurds as a people.
                groups = [g for g in groups if g.sector in ARMED_SECTORS]
            if groups:
                return [self._copy(groups[-1], text, "the group")]
        if key in STATE_PHRASES:
            states = self._seen(self.states)
            if not states:
                return []
            last = states[-1]
            if key in OTHER_COUNTRY_PHRASES:
                others = [e for e in states if e.code not in self._speaking_states(states)]
                if others:
                    last = others[-1]
            if _strip_det(key) == "administration":
                # "the administration" is a leader's government: the state of the last
                # president or prime minister named, not the last state ("the
                # administration has not been satisfied with ... China").
                leaders = [e for e in self._seen(self.persons) if e.code in self.kb.states and _leader(e)]
                if leaders:
                    last = leaders[-1]
            e = self._copy(last, text, "the country")
            # The state as an actor is its government, whichever way it was named before.
            e.sector = "GOV"
            e.name = self.kb.states.get(last.code, {}).get("name", last.name)
            e.office = None
            return [e]
        context = self._context_epithet(text)
        if context is not None:
            return context
        bare = _strip_det(key)
        if bare in ROLE_NOMINALS and key != bare or key.startswith("the ") and bare in ROLE_NOMINALS:
            words = ROLE_NOMINALS[bare]
            persons = self._seen(self.persons)
            for e in reversed(persons):
                office = (e.office or "").lower()
                if any(w in office for w in words):
                    return [self._copy(e, text, f"role nominal '{bare}'")]
            return [self._copy(persons[-1], text, f"role nominal '{bare}'")] if persons else []
        return None

    def fits_pronoun(self, e: ActorEntity, pronoun: str) -> bool:
        """Whether what the article says of ``e`` ("Ms", "Mr") allows ``pronoun`` for it."""
        key = pronoun.lower()
        if key not in SINGULAR_PRONOUNS:
            return True
        return self._gender_of(e) in {"f" if key in FEMININE_PRONOUNS else "m", ""}

    def _gender_of(self, e: ActorEntity) -> str:
        toks = norm_key(e.name or "").split()
        return self._gender.get(toks[-1], "") if toks else ""

    def _here(self, e: ActorEntity) -> bool:
        """Whether ``e`` was named in the current sentence (before the phrase resolved)."""
        got = self._where.get(id(e))
        return got is not None and got[0] is e and got[1] == self._sentence_no

    def _speaking_states(self, states: list[ActorEntity]) -> set[str]:
        """States the current sentence names only through their people or officials."""
        here = [e for e in states if self._here(e)]
        people = {e.code for e in here if self._personal(e)}
        return people - {e.code for e in here if not self._personal(e)}

    def _personal(self, e: ActorEntity) -> bool:
        """A person, or a state named as the owner of an agent ("US officials")."""
        if e.pid is not None or e.office or "+ agent" in (e.reason or ""):
            return True
        pos = self._where[id(e)][2]
        after = self._sentence[pos + len(e.text) :].split()[:1]
        return bool(after) and norm_key(after[0]) in self.kb.data.agents

    def _context_epithet(self, text: str) -> list[ActorEntity] | None:
        """'the North' in an article that has named North or South Korea is North Korea
        (lexicon/context_epithets.yaml); None when the phrase is not such an epithet."""
        surface = " ".join(text.split())
        if surface[:4] == "The ":
            surface = "the " + surface[4:]
        for cut in ("'s", "’s"):
            surface = surface.removesuffix(cut)
        got = self.kb.data.context_epithets.get(surface)
        if got is None:
            return None
        code, when, sector, salient = got
        seen = [e.code for e in self._seen(self.actors) if e.code in self.kb.states]
        if not any(c in when for c in seen):
            return None
        if salient:
            counts = Counter(seen)
            if counts[code] < max(counts.values()):
                return None
        name = self.kb.states.get(code, {}).get("name", code)
        why = f"'{surface}' in an article about {'/'.join(sorted(when))} -> {code}"
        return [ActorEntity(text=text, code=code, sector=sector, name=name, reason=why)]
