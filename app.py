"""Entry point: `streamlit run app.py`. The app around the pages is lib/ui/app.py; the pages are pages/."""

from lib.ui.app import run_app

run_app()
