"""The whole dataset as one zip file built in memory, inside one folder so that unpacking it makes no mess."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lib.model.schema import PACKAGE, PACKAGE_FILE

ARCHIVE_FOLDER = "kurils-dataset"
ARCHIVE_NAME = f"{ARCHIVE_FOLDER}.zip"


def dataset_files(data_dir: Path, source_paths: Iterable[str]) -> list[str]:
    """The package's resources, its descriptor, the README and the source texts that exist, each once."""
    names = [*(resource["path"] for resource in PACKAGE["resources"]), PACKAGE_FILE, "README.md", *sorted(source_paths)]
    return [name for name in dict.fromkeys(names) if (data_dir / name).is_file()]


def dataset_zip(data_dir: Path, source_paths: Iterable[str]) -> bytes:
    """The bytes of a zip holding every file of `dataset_files`, under ARCHIVE_FOLDER/."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in dataset_files(data_dir, source_paths):
            archive.write(data_dir / name, f"{ARCHIVE_FOLDER}/{name}")
    return buffer.getvalue()
