"""What every page derives from the dataset: worked out once per dataset, never mixed between builders."""

from __future__ import annotations

from pathlib import Path

from lib.model.dataset import Dataset
from lib.model.load import read_dataset


def test_a_derived_value_is_built_once_per_dataset(data_copy: Path) -> None:
    dataset = read_dataset(data_copy).dataset
    calls: list[Dataset] = []

    def event_count(built_from: Dataset) -> int:
        calls.append(built_from)
        return len(built_from.events)

    assert dataset.derived(event_count) == dataset.derived(event_count) == len(dataset.events)
    assert calls == [dataset]
    another = read_dataset(data_copy).dataset
    assert another.derived(event_count) == len(dataset.events)
    assert calls == [dataset, another], "a new version of the files is a new dataset, derived afresh"


def test_two_builders_of_one_name_do_not_share_a_value(dataset: Dataset) -> None:
    """Two pages may each define a `facts` builder: each gets its own value."""

    def facts(built_from: Dataset) -> str:
        return "events"

    first = facts

    def facts(built_from: Dataset) -> str:
        return "islands"

    assert first.__qualname__ == facts.__qualname__
    assert (dataset.derived(first), dataset.derived(facts)) == ("events", "islands")


def test_the_shared_figures_come_from_the_tables(dataset: Dataset) -> None:
    assert dataset.island_names["shikotan"] == "Shikotan"
    assert dataset.island_groups["habomai_yuri"] == "habomai"
    first, last = dataset.year_bounds
    assert first == dataset.events["date"].min().year and last >= dataset.events["date"].max().year
    assert set(dataset.events["origin"]) == {"article", "context"}
