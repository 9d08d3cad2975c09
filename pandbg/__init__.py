"""pandbg: step through the compilation of a pan object template in any DAP debugger.

``session`` runs the compile and knows breakpoints and stepping (no protocol), ``adapter``
translates the Debug Adapter Protocol to the session, ``protocol`` carries the messages.
"""
