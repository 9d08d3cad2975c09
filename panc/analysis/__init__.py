"""Static analysis of a template library for the tools: include-path index, names, checks.

No editor protocol here: the language server and the linter convert and call it.
"""
