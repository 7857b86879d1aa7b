"""Conversations about people: registration, invitations, linked accounts, notifications, help."""
