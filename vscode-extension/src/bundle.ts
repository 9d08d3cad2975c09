/**
 * The pan-tools bundled in the extension (bundled/libs, put there by scripts/bundle-python.mjs)
 * and the command that runs one of them with a chosen interpreter.
 */
import * as path from 'path';
import { PanTool, ToolCommand } from './executables';

export interface Bundle {
  /** bundled/tool/pan_tool.py: puts bundled/libs first on sys.path and runs the tool. */
  launcher: string;
  libs: string;
  /** Where Python writes the bundle's bytecode: the extension's own storage, never the user's environment. */
  bytecodeCache: string;
}

export function bundleIn(extensionPath: string, storagePath: string): Bundle {
  return {
    launcher: path.join(extensionPath, 'bundled', 'tool', 'pan_tool.py'),
    libs: path.join(extensionPath, 'bundled', 'libs'),
    bytecodeCache: path.join(storagePath, 'pycache'),
  };
}

/** Whether this build of the extension carries the tools (a development checkout may not). */
export function bundlePresent(bundle: Bundle, isFile: (file: string) => boolean): boolean {
  return isFile(bundle.launcher) && isFile(path.join(bundle.libs, 'panls', '__main__.py'));
}

/**
 * `python -I -X pycache_prefix=CACHE pan_tool.py TOOL`: isolated mode keeps the user's
 * site-packages and PYTHON* variables out, so only the bundle and the standard library are seen.
 */
export function bundledCommand(bundle: Bundle, interpreter: string, tool: PanTool): ToolCommand {
  return {
    command: interpreter,
    args: ['-I', '-X', `pycache_prefix=${bundle.bytecodeCache}`, bundle.launcher, tool],
    source: 'bundled',
  };
}
