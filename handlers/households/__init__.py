"""Conversations about households: logging one, the entries, progress, who is left to guide."""
