"""panls: the pan language server (LSP over stdio or TCP), built on the shared ``panc`` core."""

__all__ = ["__version__"]

__version__ = "0.1.0"
