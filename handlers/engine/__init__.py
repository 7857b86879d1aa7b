"""The engine: dispatch (core), the per-message context, dialogs, routers and states, replies, the
catalog lookup."""
