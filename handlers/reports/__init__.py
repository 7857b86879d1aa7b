"""Conversations about figures: reports, exports and the periods they cover."""
