/**
 * Where the pan-tools executables (panls, pandbg, panc) are: an explicit setting, the workspace's
 * virtual environment, the Python extension's interpreter, or PATH. Pure functions over an injected
 * file-system view, so every rule is unit-tested.
 */
import * as path from 'path';

export type PanTool = 'panls' | 'pandbg' | 'panc';

/** How a tool was found, for messages and the output channel. */
export type ToolSource = 'pan.toolsPath' | 'pan.pythonPath' | 'workspace virtualenv' | 'Python extension' | 'PATH';

export interface ToolCommand {
  command: string;
  args: string[];
  source: ToolSource;
}

export interface DetectionInput {
  tool: PanTool;
  toolsPath: string;
  pythonPath: string;
  workspaceFolders: string[];
  /** Interpreter selected in the Python extension, if it is installed. */
  pythonExtensionInterpreter?: string;
  /** Value of the PATH environment variable. */
  envPath: string;
  platform: NodeJS.Platform;
  isFile: (file: string) => boolean;
}

const VENV_NAMES = ['.venv', 'venv', '.env', 'env'];

function binDir(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'Scripts' : 'bin';
}

function executableNames(tool: string, platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? [`${tool}.exe`, `${tool}.cmd`, tool] : [tool];
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function findIn(dir: string, input: DetectionInput): string | undefined {
  const p = pathApi(input.platform);
  for (const name of executableNames(input.tool, input.platform)) {
    const candidate = p.join(dir, name);
    if (input.isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** The console script installed next to a Python interpreter (`.../bin/python3` -> `.../bin/panls`). */
function besideInterpreter(interpreter: string, input: DetectionInput): string | undefined {
  return findIn(pathApi(input.platform).dirname(interpreter), input);
}

/**
 * Locate a tool. Order: `pan.toolsPath` (a directory), `pan.pythonPath` (an interpreter whose
 * environment has pan-tools), a virtualenv in a workspace folder, the Python extension's
 * interpreter, then PATH. An explicit setting that does not hold the tool is not silently
 * skipped: the result is undefined so the user sees what is wrong with their setting.
 */
export function detectTool(input: DetectionInput): ToolCommand | undefined {
  const p = pathApi(input.platform);
  if (input.toolsPath) {
    const found = findIn(input.toolsPath, input) ?? findIn(p.join(input.toolsPath, binDir(input.platform)), input);
    return found ? { command: found, args: [], source: 'pan.toolsPath' } : undefined;
  }
  if (input.pythonPath) {
    const found = besideInterpreter(input.pythonPath, input);
    if (found) {
      return { command: found, args: [], source: 'pan.pythonPath' };
    }
    // The console script may be missing (e.g. a `pip install --no-scripts`); every tool has a __main__.
    return input.isFile(input.pythonPath)
      ? { command: input.pythonPath, args: ['-m', input.tool], source: 'pan.pythonPath' }
      : undefined;
  }
  for (const folder of input.workspaceFolders) {
    for (const venv of VENV_NAMES) {
      const found = findIn(p.join(folder, venv, binDir(input.platform)), input);
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
  const separator = input.platform === 'win32' ? ';' : ':';
  for (const dir of input.envPath.split(separator)) {
    if (dir) {
      const found = findIn(dir, input);
      if (found) {
        return { command: found, args: [], source: 'PATH' };
      }
    }
  }
  return undefined;
}

/** What to tell the user when a tool cannot be found, naming what was searched. */
export function missingToolMessage(input: Pick<DetectionInput, 'tool' | 'toolsPath' | 'pythonPath'>): string {
  if (input.toolsPath) {
    return `Pan: '${input.tool}' was not found in pan.toolsPath (${input.toolsPath}). ` +
      'Point pan.toolsPath at the directory holding the pan-tools executables, or clear it to auto-detect.';
  }
  if (input.pythonPath) {
    return `Pan: '${input.pythonPath}' (pan.pythonPath) is not a Python interpreter with pan-tools installed. ` +
      `Install it with '${input.pythonPath} -m pip install pan-tools', or clear the setting to auto-detect.`;
  }
  return `Pan: '${input.tool}' was not found (searched the workspace .venv, the Python extension's interpreter and PATH). ` +
    "Install pan-tools ('pip install pan-tools') in the project's environment, or set pan.pythonPath or pan.toolsPath.";
}
