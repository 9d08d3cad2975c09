"""Building profiles: choose the object templates, compile them (here, in worker processes or on a
Dask cluster), write their outputs atomically, and skip what is up to date.

- ``loop``: ``build``, the loop over the command-line files, in command-line order;
- ``steps``: the work for one file (read it, compile its object, render its outputs);
- ``executors``: where that work runs;
- ``manifest``: incremental builds (what each object depended on, and the up-to-date check);
- ``progress``: the progress bar;
- ``outcomes``: what a build reports;
- ``profile_diff``: ``panc diff``, what changed in the profiles between two output folders or two
  git revisions (``revision_builds`` builds the revisions);
- ``impact``: ``panc impact``, the object templates a change to some templates affects;
- ``compile_pool``: single compiles in worker processes that can be cancelled and killed (time
  and memory limits), for the editor and anything else that must stay responsive.
"""

from panc.build.loop import DependencyCheck, build
from panc.build.manifest import MANIFEST_NAME, options_key
from panc.build.outcomes import BuildError, BuildReport, BuildSettings, FileOutcome
from panc.build.progress import Progress
from panc.build.steps import CompiledObject, CompilerFactory, ObjectCompiler, build_object, describe_file

__all__ = [
    "MANIFEST_NAME",
    "BuildError",
    "BuildReport",
    "BuildSettings",
    "CompiledObject",
    "CompilerFactory",
    "DependencyCheck",
    "FileOutcome",
    "ObjectCompiler",
    "Progress",
    "build",
    "build_object",
    "describe_file",
    "options_key",
]
