"""Conversations of the awards: proposals, marking the final one, the office's papers, dossiers."""
