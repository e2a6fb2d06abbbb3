"""The dataset zip: it opens, holds every file of the dataset unchanged, and nothing else, and
frictionless reads it as the data package it is, joins included."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import frictionless

from lib.model.archive import ARCHIVE_FOLDER, dataset_files, dataset_zip
from lib.model.dataset import Dataset
from lib.model.load import DATA_DIR, read_dataset

SOURCE_PATHS = ["sources/tass-2018-07-23-japan-hopes-for-progress.txt"]

# Written out by hand: what a reader of data/README.md expects to find in the download.
EXPECTED = {
    "publishers.csv",
    "sources.csv",
    "island_figures.csv",
    "event_sources.csv",
    "readings.csv",
    "positions.csv",
    "islands.csv",
    "statements.csv",
    "events.csv",
    "story.csv",
    "islands.geojson",
    "translations/ja.csv",
    "translations/ru.csv",
    "datapackage.json",
    "README.md",
    "sources/tass-2018-07-23-japan-hopes-for-progress.txt",
}


def open_zip(data: bytes) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None, "every member's checksum is right"
    return archive


def test_the_zip_opens_and_holds_every_file_of_the_dataset() -> None:
    archive = open_zip(dataset_zip(DATA_DIR, SOURCE_PATHS))
    assert set(archive.namelist()) == {f"{ARCHIVE_FOLDER}/{name}" for name in EXPECTED}
    for name in EXPECTED:
        assert archive.read(f"{ARCHIVE_FOLDER}/{name}") == (DATA_DIR / name).read_bytes(), name


def test_the_unpacked_dataset_passes_every_check(tmp_path: Path, dataset: Dataset) -> None:
    assert list(dataset.sources["path"]) == SOURCE_PATHS
    open_zip(dataset_zip(DATA_DIR, SOURCE_PATHS)).extractall(tmp_path)
    result = read_dataset(tmp_path / ARCHIVE_FOLDER)
    assert result.problems == ()
    assert result.dataset is not None and len(result.dataset.statements) == len(dataset.statements)


def test_other_files_in_the_folder_are_left_out(data_copy: Path) -> None:
    (data_copy / "notes.txt").write_text("private", encoding="utf-8")
    (data_copy / "sources" / "draft.txt").write_text("unpublished", encoding="utf-8")
    names = set(open_zip(dataset_zip(data_copy, SOURCE_PATHS)).namelist())
    assert names == {f"{ARCHIVE_FOLDER}/{name}" for name in EXPECTED}


def test_a_missing_readme_leaves_the_rest(data_copy: Path) -> None:
    (data_copy / "README.md").unlink()
    assert set(dataset_files(data_copy, SOURCE_PATHS)) == EXPECTED - {"README.md"}


def test_a_source_named_twice_is_stored_once() -> None:
    assert dataset_files(DATA_DIR, SOURCE_PATHS * 2) == dataset_files(DATA_DIR, SOURCE_PATHS)


def test_frictionless_reads_the_unpacked_package_with_its_joins(tmp_path: Path) -> None:
    """The download is a Frictionless data package: its descriptor validates the tables it names and
    describes how they join (events to their sources, statements to their article)."""
    open_zip(dataset_zip(DATA_DIR, SOURCE_PATHS)).extractall(tmp_path)
    descriptor = tmp_path / ARCHIVE_FOLDER / "datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["type", "note"])
    package = frictionless.Package(str(descriptor))
    joins = {
        (resource.name, key["reference"]["resource"])
        for resource in package.resources
        for key in resource.schema.foreign_keys
    }
    assert {("event-sources", "events"), ("event-sources", "sources"), ("statements", "sources")} <= joins
