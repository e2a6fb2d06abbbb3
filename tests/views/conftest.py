"""Fixtures shared by the views' tests."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.model.dataset import Dataset
from tests.views.timeline_data import copies_of_today


@pytest.fixture(scope="session")
def many(dataset: Dataset) -> pd.DataFrame:
    """42,000 events: today's a thousand times."""
    return copies_of_today(dataset, 1000)
