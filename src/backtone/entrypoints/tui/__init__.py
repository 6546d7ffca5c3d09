"""The terminal user interface: the guided workout (Textual)."""
