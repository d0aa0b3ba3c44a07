"""Typed access to labels.yaml: model labels -> attache roles / UD relations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml

LABELS_FILE = Path(__file__).with_name("labels.yaml")

Role = Literal["person", "org", "place", "norp", "misc"]
ROLES: frozenset[str] = frozenset({"person", "org", "place", "norp", "misc"})


@dataclass(frozen=True)
class Labels:
    """Label mapping for every label scheme attache knows.

    `entities[scheme][label]` is a role or None (not an actor/place mention);
    `dependencies[scheme][label]` is a UD label. Lookups across schemes go
    through `role()` and `ud()`, which work whatever pipeline made the Doc.
    """

    entities: Mapping[str, Mapping[str, Role | None]]
    dependencies: Mapping[str, Mapping[str, str]]
    root_label: str = "root"

    def role(self, ent_label: str) -> Role | None:
        """Role of an entity label from any known scheme; None if unknown or not a role."""
        for scheme in self.entities.values():
            if ent_label in scheme:
                return scheme[ent_label]
        return None

    def ud(self, dep_label: str, scheme: str | None = None) -> str:
        """UD relation for a dependency label; UD labels map to themselves."""
        schemes = [self.dependencies[scheme]] if scheme else list(self.dependencies.values())
        for table in schemes:
            if dep_label in table:
                return table[dep_label]
        return dep_label


def _freeze(data: Mapping[str, Mapping[str, object]]) -> Mapping[str, Mapping[str, object]]:
    return MappingProxyType({k: MappingProxyType(dict(v or {})) for k, v in data.items()})


def load_labels(path: Path = LABELS_FILE) -> Labels:
    """Parse and validate a labels file (roles must be one of ROLES or null)."""
    data = yaml.safe_load(path.read_text(encoding="utf8"))
    for scheme, table in data["entities"].items():
        bad = {v for v in (table or {}).values() if v is not None and v not in ROLES}
        if bad:
            raise ValueError(f"{path}: unknown roles {sorted(bad)} in entities.{scheme}")
    return Labels(
        entities=_freeze(data["entities"]),  # type: ignore[arg-type]
        dependencies=_freeze(data["dependencies"]),  # type: ignore[arg-type]
        root_label=data.get("ROOT_LABEL", "root"),
    )


@lru_cache(maxsize=1)
def labels() -> Labels:
    """The shipped mapping (cached)."""
    return load_labels()
