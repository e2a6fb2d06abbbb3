"""The benchmark: `python -m bench` measures every page against minimal Streamlit pages and writes bench/RESULTS.md."""
