"""Parsers of what people type or send: the household form, dates, names, household lists."""
