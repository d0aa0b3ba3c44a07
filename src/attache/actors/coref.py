"""Within-article actor memory: surnames, pronouns and role nominals.

News introduces a person once with their office ("Indian Foreign Minister Subrahmanyam
Jaishankar") and then says "Jaishankar", "he" or "the minister". ``ArticleActors`` keeps
what the article has mentioned so far, most recent first, and resolves such phrases
against it before falling back to the knowledge base.
"""

from __future__ import annotations

import datetime as dt

from attache.actors.entity import ActorEntity
from attache.actors.kb import ActorKB, Mention
from attache.actors.normalize import norm_key, tokenize
from attache.actors.scan import NOT_NAMES, scan

SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
DEFINITE = frozenset({"the", "his", "her", "its", "their"})
PAIR_PHRASES = frozenset(
    norm_key(p)
    for p in (
        "the two sides",
        "both sides",
        "the two countries",
        "both countries",
        "the two nations",
        "both nations",
        "the two leaders",
        "both leaders",
        "the two ministers",
        "both ministers",
        "the two governments",
        "both governments",
        "the two neighbours",
        "the two neighbors",
        "the two states",
        "both states",
        "the two men",
        "the pair",
        "the two",
        "the two foreign ministers",
        "the two presidents",
        "the two sides'",
        "each other",
        "their counterparts",
        "the two parties",
        "both parties",
    )
)
ORG_PHRASES = frozenset(
    norm_key(p)
    for p in (
        "the organization",
        "the organisation",
        "the bloc",
        "the alliance",
        "the body",
        "the union",
        "the grouping",
        "the agency",
        "the world body",
        "the group's members",
    )
)
STATE_PHRASES = frozenset(
    norm_key(p)
    for p in (
        "the country",
        "the nation",
        "the state",
        "the kingdom",
        "the republic",
        "this country",
        "that country",
        "the government",
        "the administration",
        "the regime",
        "the authorities",
        "officials",
        "the island nation",
    )
)
GROUP_PHRASES = frozenset(
    norm_key(p)
    for p in ("the group", "the militants", "the rebels", "the movement", "the militia", "the insurgents")
)
# Role nominals and the words their holder's office must contain.
ROLE_NOMINALS = {
    "minister": ("minister", "secretary"),
    "foreign minister": ("foreign", "external", "secretary of state"),
    "defence minister": ("defence", "defense"),
    "defense minister": ("defence", "defense"),
    "secretary": ("secretary",),
    "president": ("president",),
    "prime minister": ("prime minister", "premier", "president of the government"),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",),
    "leader": ("",),
    "king": ("king", "monarch"),
    "queen": ("queen", "monarch"),
    "emir": ("emir", "amir"),
    "envoy": ("envoy", "minister", "secretary", "ambassador"),
    "diplomat": ("minister", "secretary", "envoy", "ambassador", "diplomat"),
    "official": ("",),
    "spokesperson": ("spokes",),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "secretary general": ("secretary",),
    "secretary-general": ("secretary",),
    "chief": ("",),
}
_DETERMINERS = ("the ", "this ", "that ", "our ", "his ", "her ", "their ")


def _introduced(e: ActorEntity) -> bool:
    return (e.reason or "").startswith("person introduced")


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

    # ------------------------------------------------------------------ memory
    def _remember(self, ents: list[ActorEntity]) -> None:
        # A place ("Aleppo") is where things happen: "it", "they" and "the country" never
        # point back to it.
        ents = [e for e in ents if not e.place]
        for e in ents:
            if (e.reason or "").startswith("group of states"):
                self._members[id(e)] = e
            self.actors.append(e)
            if e.name and (e.pid is not None or e.office or _introduced(e)):
                self.persons.append(e)
                self._register_name(e)
                if e.code in self.kb.states:
                    self.states.append(e)  # "the country" can be the minister's
            elif e.sector == "IGO" or e.code in self.kb.data.igos:
                self.orgs.append(e)
                self.plural = [e]
            elif e.code in self.kb.states:
                self.states.append(e)
            if e.reason and e.reason.startswith("group"):
                self.groups.append(e)
                self.plural = [e]
        if len(ents) > 1:
            self.plural = list(ents)
        for lst in (self.persons, self.states, self.orgs, self.groups, self.actors):
            del lst[:-50]

    def _register_name(self, e: ActorEntity) -> None:
        if not e.name:
            return
        key = norm_key(e.name)
        toks = key.split()
        self.names[key] = e
        if toks:
            self.names[toks[-1]] = e
            if e.code in {"CHN", "TWN", "KOR", "PRK"}:
                self.names[toks[0]] = e

    def start_sentence(self, text: str) -> list[Mention]:
        """Read a sentence in article order; what it names becomes salient. Returns the
        sentence's gazetteer mentions, so a caller need not scan it again."""
        mentions = self.kb.find_mentions(text, self.on)
        for m in mentions:
            key = norm_key(m.text)
            local = self.names.get(key)
            if local is not None and " " not in key and m.kind in {"surname", "person"}:
                # "Albanese" after the article introduced Francesca Albanese is her.
                self._remember([local])
                continue
            self._remember(m.entities)
        self._introductions(text)
        return mentions

    def _introductions(self, text: str) -> None:
        """Register people the sentence introduces with an office the KB cannot name
        ("... said Nigerian Foreign Minister Yusuf Tuggar"), so that a later "Tuggar"
        resolves even if the event coder never asked about the first mention."""
        toks = tokenize(text)
        items = scan(self.kb.data, toks)
        self._namesakes(items, toks)
        for k, it in enumerate(items):
            if it.kind != "title" or k == 0 or items[k - 1].kind != "gaz":
                continue
            name_items = []
            for nxt in items[k + 1 :]:
                surf = toks[nxt.i].surface
                if nxt.kind in {"word", "gaz"} and surf[:1].isupper() and nxt.key not in NOT_NAMES:
                    name_items.append(nxt)
                else:
                    break
            if not name_items or len(name_items) > 4:
                continue
            if any(x.kind == "gaz" and "person" in x.kinds() for x in name_items):
                continue  # a known person: find_mentions has them already
            phrase = text[toks[items[k - 1].i].start : toks[name_items[-1].j - 1].end]
            ents = self.kb.lookup(phrase, self.on)
            if len(ents) == 1 and ents[0].name and ents[0].reason and "introduced" in ents[0].reason:
                self._remember(ents)

    # ------------------------------------------------------------------ resolve
    def resolve(self, text: str) -> list[ActorEntity]:
        """Like ``ActorKB.lookup`` plus the article's own people and references."""
        key = norm_key(text)
        if not key:
            return []
        ents = self._refer(key, text)
        if ents is None:
            ents = self.kb.lookup(text, self.on)
            local = self.names.get(_strip_det(key))
            # The article's own people win over the KB's reading of a name, but not over
            # a state or organisation ("Gaza" is not a person's surname here).
            if local is not None and (not ents or all(e.pid is not None for e in ents)):
                ents = [self._copy(local, text, f"seen earlier in article as '{local.name}'")]
            elif not ents:
                ents = self._definite(key, text)
        if ents:
            self._remember(ents)
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
        if len(toks) < 2 or toks[0] not in DEFINITE:
            return []
        head = " ".join(toks[1:])
        if toks[0] in {"his", "her"} and head in {"country", "government", "nation", "administration"}:
            for e in reversed(self.persons):
                if e.code in self.kb.states:
                    return [self._state(e, text, "GOV", f"'{key}' -> the person's state")]
            return []
        sector = self.kb.data.agents.get(head)
        if sector is None or sector in {"CVL", "REF", "UNK"} or not self.states:
            return []
        return [self._state(self.states[-1], text, sector, f"'{key}' of the state in focus")]

    def _state(self, e: ActorEntity, text: str, sector: str | None, why: str) -> ActorEntity:
        name = self.kb.states.get(e.code, {}).get("name", e.name)
        return ActorEntity(text=text, code=e.code, sector=sector, name=name, reason=f"{why} -> {e.code}")

    def _namesakes(self, items: list, toks: list) -> None:
        """'Francesca Albanese' is not Anthony Albanese: a known surname after an unknown
        given name is a different person. Remember them (coded by the organisation or
        state the sentence names just before, else UNK) so that a later "Albanese" does
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
            ):
                continue
            known = self.kb.lookup(" ".join(t.surface for t in toks[prev.i : it.j]), self.on)
            if known:
                continue  # a spelling of a known person ("Nickolay Mladenov")
            # Their affiliation: an organisation named close by ("the UN special
            # rapporteur, Francesca Albanese" / "Francesca Albanese, the UN rapporteur"),
            # or a state right before the name ("Italian lawyer Francesca Albanese").
            code = "UNK"
            near = items[max(0, k - 10) : k - 1][::-1] + items[k + 1 : k + 8]
            for other in near:
                if other.kind == "gaz" and other.kinds() & {"body", "igo", "members"}:
                    code = other.entries[0][2]
                    break
            else:
                for back in items[max(0, k - 4) : k - 1][::-1]:
                    if back.kind == "gaz" and back.kinds() & {"state", "demonym"}:
                        code = back.entries[0][2]
                        break
            name = f"{given.surface} {toks[it.i].surface}"
            ent = ActorEntity(
                text=name,
                code=code,
                sector="IGO" if code in self.kb.data.igos else "GOV",
                name=name,
                reason=f"person introduced in the article, not the KB's namesake ({code})",
            )
            self._remember([ent])

    def _refer(self, key: str, text: str) -> list[ActorEntity] | None:
        """Pronouns and definite descriptions; None when the phrase is not one."""
        if key in NEUTER_PRONOUNS:
            for e in reversed(self.actors):
                if id(e) in self._members:
                    continue  # one of "the Baltic states" is not "it"
                if not (e.name and (e.pid is not None or e.office)):
                    return [self._copy(e, text, "pronoun 'it'")]
            return []
        if key in SINGULAR_PRONOUNS:
            return [self._copy(self.persons[-1], text, "pronoun")] if self.persons else []
        if key in PLURAL_PRONOUNS:
            if self.plural:
                return [self._copy(e, text, "pronoun") for e in self.plural]
            return [self._copy(self.states[-1], text, "pronoun")] if self.states else []
        if key in PAIR_PHRASES:
            pair: list[ActorEntity] = []
            # States and their people first: "the two sides" are rarely an organisation.
            for pool in ([e for e in self.actors if e.sector != "IGO"], self.actors):
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
            return [self._copy(self.orgs[-1], text, "the organisation")] if self.orgs else []
        if key in GROUP_PHRASES and self.groups:
            return [self._copy(self.groups[-1], text, "the group")]
        if key in STATE_PHRASES:
            if not self.states:
                return []
            last = self.states[-1]
            e = self._copy(last, text, "the country")
            # The state as an actor is its government, whichever way it was named before.
            e.sector = "GOV"
            e.name = self.kb.states.get(last.code, {}).get("name", last.name)
            e.office = None
            return [e]
        bare = _strip_det(key)
        if bare in ROLE_NOMINALS and key != bare or key.startswith("the ") and bare in ROLE_NOMINALS:
            words = ROLE_NOMINALS[bare]
            for e in reversed(self.persons):
                office = (e.office or "").lower()
                if any(w in office for w in words):
                    return [self._copy(e, text, f"role nominal '{bare}'")]
            return [self._copy(self.persons[-1], text, f"role nominal '{bare}'")] if self.persons else []
        return None
