"""pandbg: step through the compilation of a pan object template in any DAP debugger.

    pandbg                  # a debug adapter on stdin/stdout (what editors start)
    pandbg --tcp 4711       # or on 127.0.0.1:4711, one client after the other

A VS Code ``launch.json`` entry (nvim-dap, dape... take the same arguments)::

    {"type": "pan", "request": "launch", "name": "node1",
     "program": "${workspaceFolder}/profiles/node1.pan",
     "includePath": ["${workspaceFolder}"], "outputDir": "${workspaceFolder}/out",
     "formats": "pan,dep", "stopOnEntry": false, "debug": true}

Modules: ``model`` (what a session takes and reports), ``session`` (breakpoints, stepping
control, no protocol), ``run`` (one compile watched through the evaluator's hooks),
``inspection`` (stack, scopes, values, evaluation at a stop), ``breakpoints`` and
``rendering`` (values as pan prints them); ``adapter`` translates the Debug Adapter Protocol
to the session and ``protocol`` carries its messages.
"""
