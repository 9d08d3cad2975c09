"""Template annotations: panc-annotations' XML (``xml_format``), its command line (``cli``) and
documentation pages rendered from them (``docs``)."""
