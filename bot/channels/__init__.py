"""Transports: each turns its updates into `Inbound` values and renders `Reply` values."""
