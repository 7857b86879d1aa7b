"""Runtime: configuration, database wiring, transports (channels) and the command line."""
