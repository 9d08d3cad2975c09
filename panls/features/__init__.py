"""One module per editor feature: pure functions from a session/analysis to LSP results."""
