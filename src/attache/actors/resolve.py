"""Reading a noun phrase as actors: names, titles with states, demonyms, agents, lists.

A phrase is scanned into items (see :mod:`attache.actors.scan`), cut into segments at
conjunctions and commas, and each segment is read by a few rules in order of strength:
a known person; a title with a state ("the Chinese foreign minister" -> the office
holder on the date); an agent noun with a state ("Indian troops" -> IND MIL); a bare
state, organisation, group or seat of power. Titles and agents distribute over lists
("the foreign ministers of China and Russia", "Chinese and Russian troops").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from attache.actors.entity import ActorEntity
from attache.actors.normalize import Token, norm_key, tokenize
from attache.actors.scan import NOT_NAMES, Item, scan
from attache.actors.store import KBData, Spell

OWNER_KINDS = ("group", "igo", "members", "body", "state", "bloc", "seat", "demonym", "people")
STATE_KINDS = frozenset({"state", "bloc", "seat", "demonym", "people"})
IGO_KINDS = frozenset({"igo", "members", "body"})
# A diplomat named with the state that sends them and the state or organisation they are
# accredited to ("Israeli U.N. ambassador", "the U.S. ambassador to the United Nations",
# "Russia's envoy to NATO") acts for the sending state (CODING.md); an official of an
# organisation with no state named ("U.N. envoy", "NATO commander") acts for it.
REPRESENTATIVE_WORDS = frozenset(
    {
        "ambassador",
        "ambassadors",
        "envoy",
        "envoys",
        "representative",
        "representatives",
        "delegate",
        "delegates",
        "delegation",
        "emissary",
        "diplomat",
        "diplomats",
        "consul",
        "negotiator",
        "negotiators",
        "mission",
        "rapporteur",
        "rapporteurs",
    }
)
RECEIVING_PREPS = frozenset({"to", "at", "in", "for", "on"})
# Agents that belong to the place they are named with ("the governor of Kharkiv", "police
# in Peshawar"); troops, rebels or spies in a place may be anyone's.
LOCAL_AGENT_PREPS = frozenset({"of", "in", "from"})
NOT_LOCAL_SECTORS = frozenset({"MIL", "REB", "UAF", "SPY", "CRM", "REF", "IGO", "NGO"})
DEFAULT_SECTOR = {"state": "GOV", "seat": None, "igo": "IGO", "members": "IGO", "body": "IGO"}
LED_WORDS = frozenset({"led", "headed", "run"})
# "Iranian-backed militias", "pro-Russian separatists": the state is a sponsor, not the
# actor's home (CODING.md: such groups take the country of the event, else UNK).
SPONSOR_BEFORE = frozenset({"pro"})
SPONSOR_AFTER = frozenset(
    {
        "backed",
        "sponsored",
        "supported",
        "funded",
        "aligned",
        "allied",
        "founded",
        "created",
        "brokered",
        "installed",
        "trained",
        "armed",
    }
)
PERSON_KINDS = frozenset({"person", "surname"})
# Ranks and honorifics between an agent noun and a name: "spokesman Rear Adm. John Kirby".
RANK_WORDS = frozenset(
    """rear vice adm admiral gen general lt lieutenant col colonel maj major capt captain sgt
    sergeant brig brigadier cmdr commander cdr dr mr mrs ms prof sen rep""".split()
)
# Capitalised words after an agent noun that are no person's name ("Israeli troops
# Monday", "Iranian state media Saturday").
NOT_PERSON_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()
) | frozenset(
    # Capitalised institution words: "the Gaza Government Media Office", "Chiang Mai
    # University's army expert" name no person.
    """office agency ministry council department committee command service services forces
    force university party bank court assembly parliament board commission authority
    corporation company group institute center centre foundation network news times post
    daily television radio tv press guard army navy police fleet brigade division battalion
    unit headquarters house union league front movement organization organisation federation
    association society club school college academy hospital studies""".split()
)
# "the Trump administration", "Xi Jinping's government": the state, not the person.
REGIME_WORDS = frozenset(
    {
        "government",
        "administration",
        "regime",
        "cabinet",
        "camp",
        "team",
        "aides",
        "officials",
        "office",
        "junta",
        "forces",
        "troops",
        "army",
    }
)
NAME_PARTICLES = frozenset(
    {
        "bin",
        "al",
        "el",
        "ibn",
        "abu",
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "la",
        "le",
        "du",
        "del",
        "dos",
        "das",
        "ben",
        "zu",
        "ul",
    }
)


@dataclass(slots=True)
class Segment:
    items: list[Item]
    sep: str = ""  # the conjunction or comma that ended the segment
    title: Item | None = None
    agent: Item | None = None
    owners: list[tuple[Item, list]] = field(default_factory=list)
    persons: list[Item] = field(default_factory=list)
    surnames: list[Item] = field(default_factory=list)
    names: list[Item] = field(default_factory=list)  # unknown capitalised words
    sponsors: list[Item] = field(default_factory=list)  # "Iranian-backed", "pro-Russian"
    places: list[tuple[Item, str]] = field(default_factory=list)  # cities, provinces: (item, ISO3)


def _primary(item: Item) -> tuple[str, list]:
    """The reading of a gazetteer item that wins when a name has several."""
    kinds = item.kinds()
    for k in OWNER_KINDS:
        if k in kinds:
            return k, [e for e in item.entries if e[0] == k]
    if "person" in kinds:
        return "person", [e for e in item.entries if e[0] == "person"]
    if "surname" in kinds:
        return "surname", [e for e in item.entries if e[0] == "surname"]
    return "place", item.entries  # a non-actor place name ("New Jersey")


class Resolver:
    """Stateless phrase reader over one :class:`KBData`."""

    def __init__(self, kb: KBData) -> None:
        self.kb = kb

    # ------------------------------------------------------------------ entities
    def owner_name(self, kind: str, entry: list) -> str | None:
        code = entry[2]
        if kind in {"igo", "members", "body"}:
            return self.kb.igos.get(code, {}).get("name")
        if kind == "group":
            return str(entry[1])
        return self.kb.states.get(code, {}).get("name") if code else None

    def person_spell(self, pid: int, on: dt.date | None) -> tuple[Spell | None, bool]:
        """The person's spell on the date (True) or their nearest one (False)."""
        person = self.kb.persons[pid]
        day = on or dt.date.today()
        cover = [s for s in person.spells if s.covers(day)]
        if cover:
            return min(cover, key=lambda s: (s.rank, s.seniority(), 0 if s.roles else 1)), True
        if not person.spells:
            return None, False

        def distance(s: Spell) -> int:
            if s.end and s.end <= day:
                return (day - s.end).days
            if s.start and s.start > day:
                return (s.start - day).days
            return 0

        return min(person.spells, key=lambda s: (distance(s), s.rank)), False

    def _best_person(self, pids: list[int], on: dt.date | None) -> int:
        """Of several people with one name, the one in office on the date."""
        if len(pids) == 1:
            return pids[0]
        day = on or dt.date.today()
        best, score = pids[0], (9, 9)
        for pid in dict.fromkeys(pids):
            cover = [s for s in self.kb.persons[pid].spells if s.covers(day)]
            if cover:
                sp = min(cover, key=lambda s: (s.rank, s.seniority()))
                if (sp.rank, sp.seniority()) < score:
                    best, score = pid, (sp.rank, sp.seniority())
        return best

    def person_entity(self, pid: int, text: str, on: dt.date | None, why: str) -> ActorEntity:
        person = self.kb.persons[pid]
        spell, current = self.person_spell(pid, on)
        if spell is None:
            return ActorEntity(
                text=text,
                code=person.country or "UNK",
                sector="GOV",
                name=person.name,
                reason=f"{why} '{person.name}' ({person.country})",
                pid=pid,
            )
        code = spell.code
        sector = spell.sector or "GOV"
        if not current and person.country:
            code = person.country
            if code != spell.code:
                sector = "GOV"  # out of the international post, back home
        where = f"{spell.office or spell.sector} of {spell.code} {spell.span()} [{spell.source}]"
        if current:
            reason = f"{why} '{person.name}': {where}"
        else:
            reason = f"{why} '{person.name}', not in office on date; nearest: {where}"
        return ActorEntity(
            text=text,
            code=code,
            sector=sector,
            name=person.name,
            office=spell.office if current else None,
            start=spell.start if current else None,
            end=spell.end if current else None,
            reason=reason,
            pid=pid,
        )

    def holder_entity(
        self, code: str, title: Item, text: str, on: dt.date | None, sector: str
    ) -> ActorEntity | None:
        offices = self.kb.offices
        role = title.role
        key = title.key
        if code == "EU" and role == "HOS" and "commission" in text.lower():
            role = "HOG"
        spell = None
        if key.endswith("s") and not offices.has_title(code, key) and offices.has_title(code, key[:-1]):
            key = key[:-1]  # "the foreign ministers of ..."
        if offices.has_title(code, key):
            spell = offices.by_office_title(code, key, on)
            role = offices.title_role(code, key) or role
        if spell is None:
            spell = offices.holder(code, role, on)
        if spell is None:
            return None
        person = self.kb.persons[spell.pid]
        return ActorEntity(
            text=text,
            code=code,
            sector=spell.sector or sector,
            name=person.name,
            office=spell.office,
            start=spell.start,
            end=spell.end,
            reason=f"office holder: {spell.office} of {code} {spell.span()} [{spell.source}]",
            pid=spell.pid,
        )

    # ------------------------------------------------------------------ segments
    def _segments(self, items: list[Item], toks: list[Token]) -> list[Segment]:
        segs: list[Segment] = []
        cur: list[Item] = []
        for it in items:
            if it.kind == "conj":
                segs.append(Segment(cur, sep=it.key))
                cur = []
            else:
                cur.append(it)
        segs.append(Segment(cur))
        for seg in segs:
            for it in seg.items:
                if it.kind == "title" and seg.title is None:
                    seg.title = it
                elif it.kind == "agent":
                    seg.agent = it  # the head noun comes last in English
                elif it.kind == "gaz":
                    kind, entries = _primary(it)
                    if kind in OWNER_KINDS and self._sponsor(it, toks):
                        seg.sponsors.append(it)
                        continue
                    if kind == "person" and " " in it.key:
                        seg.persons.append(it)
                    elif kind == "person":
                        seg.surnames.append(it)  # one word: read like a surname
                    elif kind == "surname":
                        seg.surnames.append(it)
                    elif kind != "place":
                        seg.owners.append((it, [kind, entries]))
                    elif entries[0][2]:
                        seg.places.append((it, entries[0][2]))
                elif it.kind == "word":
                    surf = toks[it.i].surface
                    if surf[:1].isupper() and it.key not in NOT_NAMES:
                        seg.names.append(it)
        return [s for s in segs if s.items]

    @staticmethod
    def _name_after(j: int, toks: list[Token]) -> str:
        """Capitalised words right after a title ("... Minister Yusuf Tuggar"), or ''."""
        words: list[str] = []
        for t in toks[j:]:
            if t.surface[:1].isupper() and t.key not in NOT_NAMES:
                words.append(t.surface)
            elif words and t.key in NAME_PARTICLES:
                words.append(t.surface)
            else:
                break
        while words and words[-1].lower() in NAME_PARTICLES:
            words.pop()
        return " ".join(words) if 0 < len(words) <= 6 else ""

    def _agent_person(self, seg: Segment, text: str, toks: list[Token]) -> ActorEntity | None:
        """'White House economic adviser Larry Kudlow', 'State Department spokeswoman Jen
        Psaki': an agent noun with its state or organisation, then a name the KB does not
        know, is a person introduced by the article, coded like the agent ('Iranian
        officials' are IRN GOV, so is the spokesperson 'Esmaeil Baghaei')."""
        agent = seg.agent
        if agent is None or not seg.owners or agent.i < seg.owners[0][0].i:
            return None
        # The name follows the agent ("spokeswoman Jen Psaki") or the organisation or
        # state the agent is posted to ("Ambassador to the United Nations Nikki Haley").
        last = max(
            [agent.j]
            + [x.j for x in seg.items if x.kind == "gaz" and x.i > agent.i and not x.kinds() & PERSON_KINDS]
        )
        role_end = last
        while last < len(toks) - 1 and toks[last].key in RANK_WORDS:
            last += 1  # "Pentagon spokesman Rear Adm. John Kirby"
        name = self._name_after(last, toks)
        words = name.split()
        if not words or any(
            w.lower().strip(".").removesuffix("'s").removesuffix("’s") in NOT_PERSON_WORDS for w in words
        ):
            return None
        if not any(n.i == last for n in seg.names + seg.surnames + seg.persons):
            return None  # a known name (a place, a group) follows, not a person's
        it, (kind, entries) = seg.owners[0]
        code = entries[0][2] or "UNK"
        office = " ".join(t.surface for t in toks[it.j : role_end]).strip()
        return ActorEntity(
            text=text,
            code=code,
            sector=agent.sector,
            name=name,
            office=office or agent.key,
            reason=f"person introduced with role: {office or agent.key} of {code}",
        )

    def _located_group(self, seg: Segment, text: str, toks: list[Token]) -> ActorEntity | None:
        """'Syria's Kurds', 'Iraqi Kurdish fighters', 'Yemen's al-Qaeda': a group with no
        state of its own (UNK) named with a state belongs to that state (CODING.md: such
        a group takes the country where it acts)."""
        if len(seg.owners) != 2:
            return None
        (s_it, (s_kind, s_entries)), (g_it, (g_kind, g_entries)) = seg.owners
        if s_kind not in STATE_KINDS or g_kind != "group" or g_entries[0][2] not in {None, "UNK"}:
            return None
        if s_it.j != g_it.i:
            return None  # "Iraqi officials and Kurds", "Syria ... Kurds": not one phrase
        code = s_entries[0][2]
        if not code or code == "UNK":
            return None
        group = g_entries[0]
        sector = seg.agent.sector if seg.agent is not None else group[3]
        surface = " ".join(t.surface for t in toks[s_it.i : g_it.j])
        return ActorEntity(
            text=text,
            code=code,
            sector=sector,
            name=self.owner_name(g_kind, group),
            reason=f"group '{group[1]}' of {code} ('{surface}')",
        )

    @staticmethod
    def _sponsor(it: Item, toks: list[Token]) -> bool:
        before = toks[it.i - 1].key if it.i > 0 else ""
        after = toks[it.j].key if it.j < len(toks) else ""
        return before in SPONSOR_BEFORE or after in SPONSOR_AFTER

    def _surname(self, it: Item, seg: Segment, text: str, on: dt.date | None) -> ActorEntity | None:
        pids = [e[1] for e in it.entries if e[0] in {"surname", "person"}]
        if not pids:
            return None
        codes = {entries[0][2] for _, (_, entries) in seg.owners if entries}
        day = on or dt.date.today()
        best: tuple | None = None
        for pid in dict.fromkeys(pids):
            person = self.kb.persons[pid]
            if codes and person.country not in codes:
                continue
            cover = [s for s in person.spells if s.covers(day)]
            if cover:
                s = min(cover, key=lambda s: (s.rank, s.seniority()))
                score = (0, s.seniority(), s.rank)
            elif person.spells:
                last = max(person.spells, key=lambda s: s.end or s.start or dt.date.min)
                gap = abs(((last.end or last.start or day) - day).days)
                score = (1, gap, last.rank)
            else:
                score = (2, 0, 9)
            if best is None or score < best[0]:
                best = (score, pid)
        if best is None:
            return None
        if best[0][0] == 1 and not codes and on is not None and seg.agent is None and seg.title is None:
            # A bare surname whose only bearers held office at other times: a town ("Agra"),
            # another person of that name, or a former official the article would introduce
            # in full; coding it by an office long left is a guess (CODING.md codes people by
            # the office they hold on the date). Without a date, the nearest office stands;
            # "the Trump administration" and "former President Obama" keep their state.
            return None
        return self.person_entity(best[1], text, on, "surname of")

    def _segment(self, seg: Segment, text: str, toks: list[Token], on: dt.date | None) -> list[ActorEntity]:
        blocs = [k for k, (_, (kind, ents)) in enumerate(seg.owners) if kind == "bloc" and len(ents) > 1]
        if blocs:
            # "the Baltic states", "the foreign ministers of the Quad countries": one reading
            # per member state, as if the states had been listed.
            k = blocs[0]
            it, (_, members) = seg.owners[k]
            out: list[ActorEntity] = []
            for member in members:
                owners = [*seg.owners[:k], (it, ["bloc", [member]]), *seg.owners[k + 1 :]]
                out.extend(self._segment(dataclasses.replace(seg, owners=owners), text, toks, on))
            return out
        self._sender_only(seg, toks)
        out = []
        named = sorted(seg.persons + seg.surnames, key=lambda x: x.i)
        if named and seg.agent is not None and seg.agent.i == named[-1].j and seg.agent.key in REGIME_WORDS:
            # "Xi Jinping's government", "the Trump administration": the state, not the man.
            it = named[-1]
            if " " in it.key:
                pid = self._best_person([e[1] for e in it.entries if e[0] == "person"], on)
                ent = self.person_entity(pid, text, on, "led by")
            else:
                got = self._surname(it, seg, text, on)
                if got is None:
                    return []
                ent = got
            return [
                ActorEntity(
                    text=text,
                    code=ent.code,
                    sector=seg.agent.sector,
                    reason=f"'{seg.agent.key}' of {ent.name} ({ent.code})",
                )
            ]
        for it in seg.persons:
            pid = self._best_person([e[1] for e in it.entries if e[0] == "person"], on)
            ent = self.person_entity(pid, text, on, "person")
            if seg.owners and not ent.office:
                # Named with a state in the text, but not in office per the KB: the
                # article's own framing ("Nigerian Foreign Minister X") wins.
                _, (kind, entries) = seg.owners[0]
                ent.code = entries[0][2] or ent.code
                if seg.title:
                    ent.office = " ".join(t.surface for t in toks[seg.title.i : seg.title.j])
            out.append(ent)
        if out:
            return out
        if seg.surnames and seg.title is None:
            # A known surname names the person even next to a place ("Trump came from
            # Capitol Hill"), unless it reads as someone else's name.
            ent = self._surname_reading(seg, text, toks, on)
            if ent is not None:
                return [ent]
            if not seg.owners:
                return []
        owner = seg.owners[0] if seg.owners else None
        if seg.title is not None and "@" in seg.title.role:
            # "the Pentagon chief": the title names its own state.
            role, implied = seg.title.role.split("@", 1)
            seg.title.role = role
            if owner is None or owner[1][1][0][2] == implied:
                kind = "igo" if implied in self.kb.igos else "state"
                owner = (seg.title, [kind, [[kind, implied, implied, None, 0]]])
        if owner is None and seg.places and not seg.sponsors:
            return self._place_segment(seg, text, toks)
        if seg.title is not None:
            title_text = " ".join(t.surface for t in toks[seg.title.i : seg.title.j])
            if owner is not None:
                it, (kind, entries) = owner
                code = entries[0][2]
                sector = "IGO" if kind in {"igo", "members", "body"} else "GOV"
                if kind == "group":
                    # "the secretary-general of Hezbollah": the group's own office.
                    sector = entries[0][3]
                    held = None
                else:
                    held = self.holder_entity(code, seg.title, text, on, sector)
                name = self._name_after(seg.title.j, toks)
                if name:
                    # A name follows the title: the KB's holder if it is them, a KB person
                    # of that state with that surname, else the article's own person,
                    # coded by the office the article gives them.
                    said = set(norm_key(name).split())
                    if held is not None and held.name and said & set(norm_key(held.name).split()):
                        return [held]
                    if seg.surnames and kind != "group":
                        ent = self._surname(seg.surnames[-1], seg, text, on)
                        if ent is not None and ent.code == code:
                            return [ent]
                    return [
                        ActorEntity(
                            text=text,
                            code=code,
                            sector=sector,
                            name=name,
                            office=title_text,
                            reason=f"introduced with office: {title_text} of {code}",
                        )
                    ]
                if seg.surnames and kind != "group":
                    ent = self._surname(seg.surnames[0], seg, text, on)
                    if ent is not None:
                        if ent.code != code:
                            ent.code = code
                        return [ent]
                if held is not None:
                    return [held]
                return [
                    ActorEntity(
                        text=text,
                        code=code,
                        sector=sector,
                        office=title_text,
                        reason=f"office '{title_text}' of {code}; holder on date unknown",
                    )
                ]
            if seg.surnames:
                ent = self._surname(seg.surnames[0], seg, text, on)
                return [ent] if ent else []
            return []
        if seg.sponsors and not seg.owners and seg.agent is not None:
            names = ", ".join(t.surface for s in seg.sponsors for t in toks[s.i : s.j])
            return [
                ActorEntity(
                    text=text,
                    code="UNK",
                    sector=seg.agent.sector,
                    reason=f"'{seg.agent.key}' sponsored by {names}: home state unknown",
                )
            ]
        person = self._agent_person(seg, text, toks)
        if person is not None:
            return [person]
        located = self._located_group(seg, text, toks)
        if located is not None:
            return [located]
        for it, (kind, entries) in seg.owners:
            e = entries[0]
            code = e[2] or "UNK"
            surface = " ".join(t.surface for t in toks[it.i : it.j])
            if seg.agent is not None:
                sector = seg.agent.sector
                why = f"{kind} '{surface}' + agent '{seg.agent.key}' -> {sector}"
            elif kind == "group":
                sector = e[3]
                why = f"group '{e[1]}' ({code} {sector})"
            elif kind == "seat":
                sector = e[3]
                why = f"seat of power '{surface}'"
            else:
                sector = e[3] if kind in {"state", "bloc", "igo", "members", "body"} else None
                why = {
                    "state": "state name",
                    "bloc": "group of states",
                    "demonym": "demonym",
                    "people": "demonym",
                    "igo": "organisation",
                    "members": "organisation members",
                    "body": "organ of organisation",
                }.get(kind, kind) + f" '{surface}'"
                if kind == "bloc" and norm_key(str(e[1])) != it.key:
                    why += f" ({e[1]})"
            out.append(
                ActorEntity(
                    text=text,
                    code=code,
                    sector=sector,
                    name=self.owner_name(kind, e),
                    reason=why,
                )
            )
        return out

    @staticmethod
    def _sender_only(seg: Segment, toks: list[Token]) -> None:
        """Keep only the sending state of a diplomat: "Israeli U.N. ambassador" is ISR,
        "the U.S. ambassador to the United Nations" USA, "Russia's envoy to NATO" RUS.

        The head is a representative noun ("ambassador", "envoy") or an organisation's
        envoy ("UN envoy"); owners after it behind "to/at/in/for" receive the diplomat,
        and an organisation before it is where a state's diplomat is posted. Without a
        state before the head ("U.N. envoy", "UN special rapporteur") nothing changes.
        """
        if len(seg.owners) < 2:
            return
        head: Item | None = None
        if seg.agent is not None and seg.agent.key.split()[-1] in REPRESENTATIVE_WORDS:
            head = seg.agent
        else:
            for it, (kind, _e) in seg.owners:
                if kind == "body" and it.key.split()[-1] in REPRESENTATIVE_WORDS:
                    head = it
        if head is None:
            return
        before = [o for o in seg.owners if o[0].j <= head.i or o[0] is head]
        if not before:
            return  # "the ambassador to Russia": whose is not said
        state_before = any(o[1][0] in STATE_KINDS for o in before)
        keep = []
        for owner in seg.owners:
            it, (kind, _e) = owner
            if it.i >= head.j:
                between = {t.key for t in toks[head.j : it.i]}
                if between & RECEIVING_PREPS:
                    continue  # "... to the United Nations", "the UN envoy to Yemen"
            elif kind in IGO_KINDS and state_before:
                continue  # "Israeli U.N. ambassador", "the Israeli UN envoy"
            keep.append(owner)
        if keep:
            seg.owners = keep
            if seg.agent is None and state_before:
                seg.agent = Item(head.i, head.j, "agent", head.key.split()[-1], [], sector="GOV")

    def _place_segment(self, seg: Segment, text: str, toks: list[Token]) -> list[ActorEntity]:
        """A segment that names a place and no state, organisation, group or person.

        "Aleppo" is a place in SYR (``place=True``: where something happened, not who did
        it); "Peshawar police", "the governor of Kharkiv" and "Kharkiv Governor Oleh
        Syniehubov" are actors of the place's state; "troops in Aleppo" are nobody's.
        """
        it, code = seg.places[0]
        surface = " ".join(t.surface for t in toks[it.i : it.j])
        head = seg.title or seg.agent
        if head is None:
            return [
                ActorEntity(
                    text=text,
                    code=code,
                    sector=None,
                    name=str(it.entries[0][1]),
                    reason=f"place '{surface}' in {code}",
                    place=True,
                )
            ]
        between = {t.key for t in toks[head.j : it.i]}
        local = head.j == it.i or (
            head.j < it.i and between <= LOCAL_AGENT_PREPS | {"the"} and between & LOCAL_AGENT_PREPS
        )
        if seg.title is not None:
            title_text = " ".join(t.surface for t in toks[head.i : head.j])
            if not (head.i == it.j or local):
                return []
            name = self._name_after(head.j, toks) if head.i == it.j else ""
            return [
                ActorEntity(
                    text=text,
                    code=code,
                    sector="GOV",
                    name=name or None,
                    office=f"{title_text} ({surface})",
                    reason=(f"introduced with office: {title_text} of {surface} ({code})")
                    if name
                    else f"office '{title_text}' of place '{surface}' in {code}",
                )
            ]
        sector = head.sector
        if head.i == it.j or local and sector not in NOT_LOCAL_SECTORS:
            return [
                ActorEntity(
                    text=text,
                    code=code,
                    sector=sector,
                    reason=f"place '{surface}' ({code}) + agent '{head.key}' -> {sector}",
                )
            ]
        return []

    # ------------------------------------------------------------------ phrases
    def lookup(self, text: str, on: dt.date | None = None) -> list[ActorEntity]:
        toks = tokenize(text)
        if not toks:
            return []
        items = scan(self.kb, toks)
        led = self._led(items, toks, text, on)
        if led is not None:
            return led
        segs = self._segments(items, toks)
        self._distribute(segs)
        out: list[ActorEntity] = []
        seg_out: list[list[ActorEntity]] = [self._segment(s, text, toks, on) for s in segs]
        coordinated = any(s.sep in {"and", "&", "or", "nor", "plus"} for s in segs)
        skip: set[int] = set()
        for k in range(len(segs) - 1):
            a, b = segs[k], segs[k + 1]
            if a.sep != "," or coordinated:
                continue
            if self._descriptive(a) and self._named(b) and seg_out[k + 1]:
                # "US Secretary of State, Antony Blinken": one person, not two.
                nxt = seg_out[k + 1][0]
                if seg_out[k] and not nxt.office:
                    nxt.office = seg_out[k][0].office
                skip.add(k)
            elif self._named(a) and self._descriptive(b):
                # "Naim Qassem, the secretary-general of Hezbollah": the description
                # codes the named person when the KB does not know them.
                if not seg_out[k] and seg_out[k + 1]:
                    first = seg_out[k + 1][0]
                    if first.pid is None and a.names and not first.place:
                        first.name = " ".join(toks[n.i].surface for n in a.names)
                        if not first.office:
                            # "Ruhsar Pekcan, Turkey's trade minister": remembered as a person.
                            desc = " ".join(t.surface for t in toks[b.items[0].i : b.items[-1].j])
                            first.office = desc
                            first.reason = f"person introduced with role: {desc} ({first.code})"
                    seg_out[k] = [first]
                skip.add(k + 1)
        for k, ents in enumerate(seg_out):
            if k not in skip:
                out.extend(ents)
        if any(not e.place for e in out):
            # "QUETTA, Pakistan - Gunmen", "Aleppo and Damascus": the actors, not the place.
            out = [e for e in out if not e.place]
        seen: set[tuple] = set()
        uniq: list[ActorEntity] = []
        for e in out:
            key = (e.code, e.name if e.pid is not None or e.office else None, e.sector)
            if key in seen:
                continue
            seen.add(key)
            uniq.append(e)
        return uniq

    def _surname_reading(
        self, seg: Segment, text: str, toks: list[Token], on: dt.date | None
    ) -> ActorEntity | None:
        sur = seg.surnames[0]
        given = next((n for n in seg.names if n.j == sur.i), None)
        if any(n.i == sur.j for n in seg.names):
            return None  # "Abdullah Ocalan", "Martin Dempsey": a given name, someone else
        ent = self._surname(sur, seg, text, on)
        if ent is not None and given is not None and ent.name:
            # "Francesca Albanese" is not Anthony Albanese; "Nickolay Mladenov" is a
            # spelling of Nikolay Mladenov. Same initial: same person. The given name may
            # be followed by a middle name the KB lacks ("Adly Mahmud Mansour").
            first = given
            for n in sorted(seg.names, key=lambda n: -n.i):
                if n.j == first.i and first.i - n.i <= 1 and sur.i - n.i <= 3:
                    first = n
            initial = norm_key(ent.name)[:1]
            if toks[given.i].key[:1] != initial and toks[first.i].key[:1] != initial:
                return None
        return ent

    @staticmethod
    def _named(seg: Segment) -> bool:
        """A segment that names a person (known or not) and says nothing else."""
        return bool(seg.persons or seg.surnames or seg.names) and seg.title is None and not seg.owners

    @staticmethod
    def _descriptive(seg: Segment) -> bool:
        """A segment that describes by office or role ("the secretary-general of X")."""
        return (seg.title is not None or seg.agent is not None) and not seg.persons

    @staticmethod
    def _distribute(segs: list[Segment]) -> None:
        """Share a title or agent noun across coordinated owners."""
        for k, seg in enumerate(segs):
            if seg.title or seg.agent or seg.persons or not seg.owners:
                continue
            # "the foreign ministers of China and Russia": head before its owner
            if k > 0 and (segs[k - 1].title or segs[k - 1].agent):
                prev = segs[k - 1]
                head = prev.title or prev.agent
                if head is not None and prev.owners and head.i < prev.owners[0][0].i:
                    seg.title, seg.agent = prev.title, prev.agent
                    continue
            # "Chinese and Russian troops": owner before the shared head
            for nxt in segs[k + 1 :]:
                if nxt.persons:
                    break
                head = nxt.title or nxt.agent
                if head is not None and nxt.owners and head.i > nxt.owners[0][0].i:
                    seg.title, seg.agent = nxt.title, nxt.agent
                    break
                if head is not None or not nxt.owners:
                    break

    def _led(
        self, items: list[Item], toks: list[Token], text: str, on: dt.date | None
    ) -> list[ActorEntity] | None:
        """'the Joe Biden-led government', 'a Saudi-led coalition'."""
        for k, it in enumerate(items):
            if it.kind != "word" or it.key not in LED_WORDS or k == 0:
                continue
            prev = items[k - 1]
            if prev.kind != "gaz":
                continue
            head = next((x for x in items[k + 1 :] if x.kind == "agent"), None)
            sector = head.sector if head else "GOV"
            kind, entries = _primary(prev)
            if kind == "place":
                continue  # a place leads nothing
            leader = " ".join(t.surface for t in toks[prev.i : prev.j])
            if kind in {"person", "surname"}:
                ent = (
                    self.person_entity(entries[0][1], text, on, "led by")
                    if kind == "person"
                    else self._surname(prev, Segment([prev]), text, on)
                )
                if ent is None:
                    return None
                return [
                    ActorEntity(
                        text=text,
                        code=ent.code,
                        sector=sector,
                        reason=f"'{leader}-{it.key} {head.key if head else 'government'}': "
                        f"{ent.code} {sector} ({ent.reason})",
                    )
                ]
            code = entries[0][2]
            return [
                ActorEntity(
                    text=text,
                    code=code,
                    sector=sector,
                    name=self.owner_name(kind, entries[0]),
                    reason=f"'{leader}-{it.key}' {kind}",
                )
            ]
        return None
