/**
 * Which command runs a pan-tools executable for the current workspace (VS Code side of
 * executables.ts, interpreter.ts and bundle.ts):
 *   1. `pan.toolsPath`: the user's own installation, as is;
 *   2. `"pan.importStrategy": "fromEnvironment"`: pan-tools installed in an environment;
 *   3. otherwise (the default) the bundled pan-tools, run by a Python 3.11+ interpreter.
 * In Restricted Mode nothing inside the workspace is executed (no .venv/bin/panls, no workspace
 * interpreter); VS Code itself ignores workspace values of the settings that name programs.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { Bundle, bundledCommand, bundlePresent } from './bundle';
import { detectInToolsPath, detectTool, isInside, missingToolMessage, PanTool, SystemView, ToolCommand } from './executables';
import { chooseInterpreter, Interpreter, interpreterCandidates, noInterpreterMessage, Probe, probePython, ProbeResult } from './interpreter';
import { PanSettings } from './settings';
import { workspaceTrusted } from './trust';

/** The parts of the Python extension's API used here (ms-python.python, `environments`). */
interface EnvironmentPath {
  id?: string;
  /** The interpreter, or the environment's folder for environments known by folder (conda). */
  path: string;
}

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath | undefined;
    resolveEnvironment?(environment: EnvironmentPath): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: { getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined } };
}

async function pythonExtensionApi(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!extension) {
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return undefined;
  }
}

/** The interpreter selected in the Python extension, when it is installed. */
async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const api = await pythonExtensionApi();
  try {
    const active = api?.environments?.getActiveEnvironmentPath(resource);
    if (active) {
      const resolved = await api?.environments?.resolveEnvironment?.(active);
      return resolved?.executable?.uri?.fsPath ?? active.path;
    }
    return api?.settings?.getExecutionDetails(resource).execCommand?.[0];
  } catch {
    return undefined;
  }
}

/** Call `listener` when the interpreter selected in the Python extension changes. */
export async function onPythonInterpreterChange(listener: () => unknown): Promise<vscode.Disposable | undefined> {
  const api = await pythonExtensionApi();
  return api?.environments?.onDidChangeActiveEnvironmentPath?.(() => listener());
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function expandVariables(value: string, folder: string | undefined): string {
  return value.replace(/\$\{workspaceFolder\}/g, folder ?? '').replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
}

/** A tool's command line, and the interpreter when it runs the bundle. */
export type Located = { tool: ToolCommand; interpreter?: Interpreter } | { error: string };

const RESTRICTED = 'the workspace is not trusted (Restricted Mode), and programs inside it are not run';

export class ToolLocator {
  /** Probed interpreter versions, per path, until the next `forget()` (a restart or a settings change). */
  private readonly probes = new Map<string, Promise<ProbeResult>>();

  constructor(private readonly bundle: Bundle | undefined, private readonly probe: Probe = probePython) {}

  forget(): void {
    this.probes.clear();
  }

  async locate(tool: PanTool, settings: PanSettings, resource?: vscode.Uri): Promise<Located> {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const folder = resource ? vscode.workspace.getWorkspaceFolder(resource)?.uri.fsPath ?? folders[0] : folders[0];
    const trusted = workspaceTrusted();
    const untrustedFolders = trusted ? [] : folders;
    const view: SystemView = { envPath: process.env.PATH ?? '', platform: process.platform, isFile };
    const toolsPath = expandVariables(settings.toolsPath, folder);
    const interpreter = expandVariables(settings.interpreter, folder);
    for (const [name, value] of [['pan.toolsPath', toolsPath], ['pan.interpreter', interpreter]]) {
      if (value && isInside(value, untrustedFolders, view.platform)) {
        return { error: `Pan: ${name} (${value}) is not used: ${RESTRICTED}.` };
      }
    }
    if (toolsPath) {
      const found = detectInToolsPath({ ...view, tool, toolsPath });
      return found ? { tool: found } : { error: missingToolMessage({ tool, toolsPath, interpreter }) };
    }
    const fromExtension = await pythonExtensionInterpreter(resource);
    const selected = fromExtension && !isInside(fromExtension, untrustedFolders, view.platform) ? fromExtension : undefined;
    const bundled = this.bundle && bundlePresent(this.bundle, isFile) ? this.bundle : undefined;
    if (settings.importStrategy === 'fromEnvironment' || !bundled) {
      const input = {
        ...view, tool, toolsPath, interpreter, pythonExtensionInterpreter: selected,
        workspaceFolders: trusted ? (folder ? [folder, ...folders.filter((f) => f !== folder)] : folders) : [],
      };
      const found = detectTool(input);
      const note = bundled ? '' : ' (this build of the extension carries no bundled pan-tools)';
      return found ? { tool: found } : { error: missingToolMessage(input) + note };
    }
    const { candidates, rejected } = interpreterCandidates({
      ...view, setting: interpreter, pythonExtensionInterpreter: fromExtension, untrustedFolders,
    });
    const choice = await chooseInterpreter(candidates, (path) => this.cachedProbe(path), rejected);
    if ('rejected' in choice) {
      return { error: noInterpreterMessage(choice.rejected, interpreter) };
    }
    return { tool: bundledCommand(bundled, choice.interpreter.path, tool), interpreter: choice.interpreter };
  }

  private cachedProbe(path: string): Promise<ProbeResult> {
    let result = this.probes.get(path);
    if (!result) {
      result = this.probe(path);
      this.probes.set(path, result);
    }
    return result;
  }
}

/** Describe where a tool runs from, for the output channel and the language status. */
export function describeLocated(located: { tool: ToolCommand; interpreter?: Interpreter }): string {
  if (located.interpreter) {
    const { path, source, version } = located.interpreter;
    return `bundled pan-tools on Python ${version.join('.')} (${path}, from ${source})`;
  }
  return `${located.tool.command} (from ${located.tool.source})`;
}

/** Show a missing-tool error with a shortcut to the settings. */
export async function reportMissingTool(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'pan.');
  }
}
