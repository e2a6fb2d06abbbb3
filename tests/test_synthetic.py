"""The benchmark's scaled datasets: valid, with exactly `factor` times the rows that grow."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synthetic import read_rows, scaled_rows, write_scaled_dataset
from lib.model.load import read_dataset


@pytest.mark.parametrize("factor", [1, 10])
def test_a_scaled_dataset_is_valid_and_has_factor_times_the_rows(tmp_path: Path, factor: int) -> None:
    today = read_dataset().dataset
    scaled = read_dataset(write_scaled_dataset(tmp_path / "data", factor)).dataset
    assert today is not None
    assert scaled is not None, "the scaled dataset must pass every check"
    assert len(scaled.events) == factor * len(today.events)
    assert len(scaled.statements) == factor * len(today.statements)
    assert len(scaled.islands) == len(today.islands)
    assert scaled.events["id"].is_unique and scaled.statements["id"].is_unique


def test_copies_keep_the_content_and_get_new_ids() -> None:
    rows = [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]
    assert scaled_rows(rows, 3) == [
        {"id": "a", "title": "A"},
        {"id": "b", "title": "B"},
        {"id": "a-copy-1", "title": "A"},
        {"id": "b-copy-1", "title": "B"},
        {"id": "a-copy-2", "title": "A"},
        {"id": "b-copy-2", "title": "B"},
    ]


def test_a_factor_below_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        write_scaled_dataset(tmp_path / "data", 0)


def test_the_original_folder_is_left_alone(tmp_path: Path) -> None:
    source = tmp_path / "source"
    write_scaled_dataset(source, 1)
    before = read_rows(source / "events.csv")
    write_scaled_dataset(tmp_path / "scaled", 5, source)
    assert read_rows(source / "events.csv") == before
