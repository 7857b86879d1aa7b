"""Pure renderers: data in, text or a file (xlsx, docx, png) out; no session, no engine."""
