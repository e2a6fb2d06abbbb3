from pathlib import Path

import pytest

from lib.check import main
from tests.conftest import EditCell


def test_check_passes_on_the_real_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.startswith("OK:")


def test_check_prints_every_problem_and_fails(
    data_copy: Path, edit_cell: EditCell, capsys: pytest.CaptureFixture[str]
) -> None:
    row = edit_cell("events.csv", "1956-joint-declaration", "event_type", "party")
    edit_cell("islands.csv", "kunashir", "lat", "north")
    assert main([str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"events.csv, row {row}, column 'event_type': is 'party'") for line in out)
    assert any(line.startswith("islands.csv, row 3, column 'lat'") for line in out)
    assert len(out) == 2, out
