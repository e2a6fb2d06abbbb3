"""Serving many readers: `python -m deploy` runs replicas of the app behind Debian's nginx (see README)."""
