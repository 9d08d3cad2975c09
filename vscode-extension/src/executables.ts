/**
 * Where the pan-tools executables (panls, pandbg, panc) of the user's own installation are:
 * `pan.toolsPath`, or, with `"pan.importStrategy": "fromEnvironment"`, the environment of
 * `pan.interpreter`, the workspace's virtual environment, the Python extension's interpreter, or
 * PATH. (The default, the copy bundled in the extension, is in bundle.ts.) Pure functions over an
 * injected file-system view, so every rule is unit-tested.
 */
import * as path from 'path';

export type PanTool = 'panls' | 'pandbg' | 'panc';

/** How a tool was found, for messages and the output channel. */
export type ToolSource = 'bundled' | 'pan.toolsPath' | 'pan.interpreter' | 'workspace virtualenv' | 'Python extension' | 'PATH';

export interface ToolCommand {
  command: string;
  args: string[];
  source: ToolSource;
}

/** What the searches may look at: the platform's conventions and the files that exist. */
export interface SystemView {
  /** Value of the PATH environment variable. */
  envPath: string;
  platform: NodeJS.Platform;
  isFile: (file: string) => boolean;
}

export interface DetectionInput extends SystemView {
  tool: PanTool;
  toolsPath: string;
  /** `pan.interpreter`: its environment is searched first. */
  interpreter: string;
  /** Workspace folders whose virtual environments may run (none in an untrusted workspace). */
  workspaceFolders: string[];
  /** Interpreter selected in the Python extension, if it is installed. */
  pythonExtensionInterpreter?: string;
}

const VENV_NAMES = ['.venv', 'venv', '.env', 'env'];

function binDir(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'Scripts' : 'bin';
}

function executableNames(program: string, platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? [`${program}.exe`, `${program}.cmd`, program] : [program];
}

export function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function findIn(dir: string, program: string, view: SystemView): string | undefined {
  const p = pathApi(view.platform);
  for (const name of executableNames(program, view.platform)) {
    const candidate = p.join(dir, name);
    if (view.isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** The first `program` on PATH, as a shell would find it. */
export function findOnPath(program: string, view: SystemView): string | undefined {
  const separator = view.platform === 'win32' ? ';' : ':';
  for (const dir of view.envPath.split(separator)) {
    const found = dir ? findIn(dir, program, view) : undefined;
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** Whether `file` lies inside one of `folders` (used to keep workspace programs out of Restricted Mode). */
export function isInside(file: string, folders: string[], platform: NodeJS.Platform): boolean {
  const p = pathApi(platform);
  return folders.some((folder) => {
    const relative = p.relative(folder, file);
    return relative === '' || (!relative.startsWith('..') && !p.isAbsolute(relative));
  });
}

/** The console script installed next to a Python interpreter (`.../bin/python3` -> `.../bin/panls`). */
function besideInterpreter(interpreter: string, input: DetectionInput): string | undefined {
  return findIn(pathApi(input.platform).dirname(interpreter), input.tool, input);
}

/**
 * Locate the user's own installation of a tool. Order: `pan.toolsPath` (a directory),
 * `pan.interpreter` (an interpreter whose environment has pan-tools), a virtualenv in a
 * workspace folder, the Python extension's interpreter, then PATH. An explicit setting that does
 * not hold the tool is not silently skipped: the result is undefined so the user sees what is
 * wrong with their setting.
 */
export function detectTool(input: DetectionInput): ToolCommand | undefined {
  if (input.toolsPath) {
    return detectInToolsPath(input);
  }
  if (input.interpreter) {
    const found = besideInterpreter(input.interpreter, input);
    if (found) {
      return { command: found, args: [], source: 'pan.interpreter' };
    }
    // The console script may be missing (e.g. a `pip install --no-scripts`); every tool has a __main__.
    return input.isFile(input.interpreter)
      ? { command: input.interpreter, args: ['-m', input.tool], source: 'pan.interpreter' }
      : undefined;
  }
  const p = pathApi(input.platform);
  for (const folder of input.workspaceFolders) {
    for (const venv of VENV_NAMES) {
      const found = findIn(p.join(folder, venv, binDir(input.platform)), input.tool, input);
      if (found) {
        return { command: found, args: [], source: 'workspace virtualenv' };
      }
    }
  }
  if (input.pythonExtensionInterpreter) {
    const found = besideInterpreter(input.pythonExtensionInterpreter, input);
    if (found) {
      return { command: found, args: [], source: 'Python extension' };
    }
  }
  const onPath = findOnPath(input.tool, input);
  return onPath ? { command: onPath, args: [], source: 'PATH' } : undefined;
}

/** `pan.toolsPath`: the directory of the executables, or an environment root with bin/ (Scripts\). */
export function detectInToolsPath(input: Pick<DetectionInput, 'tool' | 'toolsPath' | keyof SystemView>): ToolCommand | undefined {
  const p = pathApi(input.platform);
  const found = findIn(input.toolsPath, input.tool, input) ?? findIn(p.join(input.toolsPath, binDir(input.platform)), input.tool, input);
  return found ? { command: found, args: [], source: 'pan.toolsPath' } : undefined;
}

/** What to tell the user when their own installation of a tool cannot be found, naming what was searched. */
export function missingToolMessage(input: Pick<DetectionInput, 'tool' | 'toolsPath' | 'interpreter'>): string {
  if (input.toolsPath) {
    return `Pan: '${input.tool}' was not found in pan.toolsPath (${input.toolsPath}). ` +
      'Point pan.toolsPath at the directory holding the pan-tools executables, or clear it to use the tools bundled with the extension.';
  }
  if (input.interpreter) {
    return `Pan: '${input.interpreter}' (pan.interpreter) is not a Python interpreter with pan-tools installed, ` +
      'as "pan.importStrategy": "fromEnvironment" requires. Install pan-tools there from a checkout or a wheel ' +
      `('${input.interpreter} -m pip install /path/to/pan-tools'), or set pan.importStrategy to useBundled.`;
  }
  return `Pan: '${input.tool}' was not found (searched the workspace .venv, the Python extension's interpreter and PATH), ` +
    'as "pan.importStrategy": "fromEnvironment" requires. Install pan-tools in the project\'s environment from a checkout ' +
    "or a wheel ('pip install /path/to/pan-tools'), set pan.toolsPath, or set pan.importStrategy to useBundled.";
}
