"""Channel-neutral conversations: one module per user task, plain values in and out."""
