"""The download buttons every page shares; a file is built only when the reader asks for it (`data` is a callable)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from lib.i18n import _
from lib.model.archive import ARCHIVE_NAME, dataset_zip
from lib.model.dataset import Dataset
from lib.ui.data import data_dir
from lib.views.downloads import DATA_PACKAGE_LABEL, csv_bytes, download_label, events_frame
from lib.views.provenance import event_citations


def csv_download(count: int, noun: str, build: Callable[[], bytes], *, name: str, key: str) -> None:
    """A button that downloads the `count` rows the page shows (`build` makes the CSV) as kurils-<name>.csv."""
    st.download_button(
        download_label(count, noun),
        data=build,
        file_name=f"kurils-{name}.csv",
        mime="text/csv",
        on_click="ignore",
        disabled=count == 0,
        icon=":material/download:",
        key=key,
        help=_("What this page shows, filtered as shown, one row each, its sources in readable columns"),
        width="stretch",
    )


def events_download(dataset: Dataset, events: pd.DataFrame, *, name: str, key: str) -> None:
    """A button that downloads `events`, each with its sources in readable columns, as kurils-<name>.csv."""
    build = partial(events_frame, events, dataset.derived(event_citations), dataset.island_names)
    csv_download(len(events), "event", lambda: csv_bytes(build()), name=name, key=key)


def package_download(dataset: Dataset, *, key: str) -> None:
    """A button that downloads the data package: every table, datapackage.json, the GeoJSON and the source texts."""
    st.download_button(
        _("Download {package}").format(package=_(DATA_PACKAGE_LABEL)),
        data=lambda: dataset_zip(data_dir(), dataset.sources["path"]),
        file_name=ARCHIVE_NAME,
        mime="application/zip",
        on_click="ignore",
        help=_(
            "Every table as CSV with datapackage.json, the Frictionless descriptor of their columns and joins "
            "(frictionless, pandas or R read it), islands.geojson, the README and the source texts"
        ),
        icon=":material/folder_zip:",
        key=key,
        width="stretch",
    )
