"""The domain: entities, queries and the campaign rules over them (no transport code here)."""
