"""Check the dataset: `python -m lib.check [DATA_DIR]` prints every problem, exits 1 if any."""

from __future__ import annotations

import sys
from pathlib import Path

from lib.model.load import DATA_DIR, read_dataset


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    result = read_dataset(data_dir)
    for problem in result.problems:
        print(problem)
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    dataset = result.dataset
    assert dataset is not None
    print(
        f"OK: {len(dataset.sources)} source(s), {len(dataset.statements)} statements, "
        f"{len(dataset.events)} events, {len(dataset.islands)} islands, {len(dataset.story)} story chapters in {data_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
