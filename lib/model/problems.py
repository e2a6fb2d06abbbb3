"""A problem found in the data, named by file, row, column and reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # as a spreadsheet numbers it (the header is row 1); a GeoJSON feature's number
    column: str | None
    reason: str

    def __str__(self) -> str:
        row = "" if self.row is None else f", row {self.row}"
        column = "" if self.column is None else f", column {self.column!r}"
        return f"{self.file}{row}{column}: {self.reason}"
