"""Column helpers that stay fast as the data grows: work once per distinct value, not once per row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd


def each_distinct(values: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """`function` of every value, computed once per distinct value (tuples too): many rows share a date or a list."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes, uniques = values.cat.codes.to_numpy(), values.cat.categories
    else:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
    results = np.empty(len(uniques), dtype=object)
    results[:] = [function(value) for value in uniques]
    return pd.Series(results[codes], index=values.index, name=values.name)


def names_any(values: pd.Series, wanted: set[str]) -> pd.Series:
    """Whether each row's collection of ids (a tuple of island or country ids) holds one of `wanted`."""
    return each_distinct(values, lambda ids: any(item in wanted for item in ids)).astype(bool)
