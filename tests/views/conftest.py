"""Fixtures shared by the views' tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from lib.i18n import ENGLISH, use_language
from lib.model.dataset import Dataset
from tests.views.timeline_data import copies_of_today


@pytest.fixture(scope="session")
def many(dataset: Dataset) -> pd.DataFrame:
    """42,000 events: today's a thousand times."""
    return copies_of_today(dataset, 1000)


@pytest.fixture
def reader_language() -> Iterator[Callable[[str], None]]:
    """Sets the run's language, and English again afterwards."""
    yield use_language
    use_language(ENGLISH)
