"""Shared fixtures: the repo's own sample articles, and ../shared when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data beside the clone), which is absent here")
    return path


@pytest.fixture(scope="session")
def coder():
    """The real coder with our shipped pipeline and knowledge base, loaded once."""
    from attache.pipeline import Coder

    return Coder()
