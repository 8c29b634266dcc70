import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def founding_text() -> str:
    return (DATA / "didarnews-153318.txt").read_text(encoding="utf-8")


@pytest.fixture
def founding_gold() -> dict:
    return json.loads((DATA / "didarnews-153318.gold.json").read_text(encoding="utf-8"))
