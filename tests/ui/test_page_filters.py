"""The page's own Filters panel (for phones): drawn only while open, from the sidebar's values; a change
there sets the sidebar's filters and closes the panel."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import run_page, sidebar_filters

PAGE = "pages/timeline.py"


def panel_drawn(app: AppTest) -> bool:
    return any(radio.key == "page_filter_country" for radio in app.main.radio)


def test_the_panel_is_drawn_only_while_open_with_the_sidebar_s_values() -> None:
    app = run_page(PAGE, country="Japan")
    assert not panel_drawn(app)
    app.session_state["page_filters"] = True
    app.run()
    assert app.main.radio(key="page_filter_country").value == "Japan"
    assert app.main.selectbox(key="page_filter_island").value == ""


def test_a_change_in_the_panel_sets_the_sidebar_s_filters_and_closes_it() -> None:
    app = run_page(PAGE)
    last = app.sidebar.number_input(key="filter_to").value
    app.session_state["page_filters"] = True
    app.run()
    app.main.radio(key="page_filter_country").set_value("Russia").run()
    assert sidebar_filters(app)[0] == "Russia"
    assert app.session_state["page_filters"] is False
    assert not panel_drawn(app)

    app.session_state["page_filters"] = True
    app.run()
    app.main.number_input(key="page_filter_from").set_value(last).run()  # past "To": "To" follows
    app.session_state["page_filters"] = True
    app.run()
    app.main.selectbox(key="page_filter_island").set_value("shikotan").run()
    assert sidebar_filters(app) == ("Russia", last, last, "shikotan")
    assert not panel_drawn(app)
