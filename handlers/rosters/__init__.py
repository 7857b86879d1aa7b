"""Conversations about household lists and the totals they set."""
