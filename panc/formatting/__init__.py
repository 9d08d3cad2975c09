"""The pan formatter: one canonical layout for templates (``panc fmt``, panls formatting)."""
