"""Conversations of the spot-checks: the draw and the calls, reviewing failures, quality flags."""
