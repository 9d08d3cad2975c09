"""Profile output formats, byte-compatible with the Java panc: one module per format.

``FORMATS`` maps each ``--formats`` key to its suffix and renderer; ``write_object_outputs``
writes one object's files atomically.
"""

from panc.output.formats import FORMATS, NO_OUTPUT_KEY, OutputFormat, UnknownFormatError, parse_formats
from panc.output.writing import output_path, write_object_outputs

__all__ = [
    "FORMATS",
    "NO_OUTPUT_KEY",
    "OutputFormat",
    "UnknownFormatError",
    "output_path",
    "parse_formats",
    "write_object_outputs",
]
