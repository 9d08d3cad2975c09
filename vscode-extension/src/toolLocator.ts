/** Find pan-tools executables for the current workspace (VS Code side of executables.ts). */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { detectTool, missingToolMessage, PanTool, ToolCommand } from './executables';
import { PanSettings } from './settings';

interface PythonExtensionApi {
  environments?: { getActiveEnvironmentPath(resource?: vscode.Uri): { path: string } | undefined };
  settings?: { getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined } };
}

/** The interpreter selected in the Python extension, when it is installed. */
async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!extension) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    const active = api?.environments?.getActiveEnvironmentPath(resource)?.path;
    return active ?? api?.settings?.getExecutionDetails(resource).execCommand?.[0];
  } catch {
    return undefined;
  }
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

export type Located = { tool: ToolCommand } | { error: string };

export async function locateTool(tool: PanTool, settings: PanSettings, resource?: vscode.Uri): Promise<Located> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const folder = resource ? vscode.workspace.getWorkspaceFolder(resource)?.uri.fsPath : folders[0];
  const input = {
    tool,
    toolsPath: expandVariables(settings.toolsPath, folder),
    pythonPath: expandVariables(settings.pythonPath, folder),
    workspaceFolders: folder ? [folder, ...folders.filter((f) => f !== folder)] : folders,
    pythonExtensionInterpreter: settings.toolsPath || settings.pythonPath ? undefined : await pythonExtensionInterpreter(resource),
    envPath: process.env.PATH ?? '',
    platform: process.platform,
    isFile,
  };
  const found = detectTool(input);
  return found ? { tool: found } : { error: missingToolMessage(input) };
}

/** Show a missing-tool error with a shortcut to the settings. */
export async function reportMissingTool(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'pan.');
  }
}
