/** The `pan` debugger: pandbg over stdio, and launch configurations for object templates. */
import * as vscode from 'vscode';
import { currentSettings } from './workspaceSettings';
import { defaultLaunchConfig, PanLaunchConfig, resolveLaunchConfig } from './launchConfig';
import { resolveIncludeDirs, scratchDir } from './pancCommand';
import { reportMissingTool, ToolLocator } from './toolLocator';
import { RESTRICTED_COMPILE, workspaceTrusted } from './trust';

export class PanDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [defaultLaunchConfig()];
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const document = vscode.window.activeTextEditor?.document;
    const active = document ? { path: document.fileName, languageId: document.languageId } : undefined;
    const includeDirs = resolveIncludeDirs(currentSettings().includePath, folder?.uri.fsPath);
    const resolution = resolveLaunchConfig(config as Partial<PanLaunchConfig>, active, includeDirs, (program) => scratchDir('debug', program));
    if ('error' in resolution) {
      void vscode.window.showInformationMessage(resolution.error);
      return undefined; // aborts the launch
    }
    return resolution.config;
  }
}

export class PanDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly locator: ToolLocator) {}

  async createDebugAdapterDescriptor(session: vscode.DebugSession): Promise<vscode.DebugAdapterDescriptor> {
    if (!workspaceTrusted()) {
      // VS Code disables debugging in Restricted Mode; this guards any other way in.
      throw new Error(RESTRICTED_COMPILE);
    }
    const located = await this.locator.locate('pandbg', currentSettings(), session.workspaceFolder?.uri);
    if ('error' in located) {
      void reportMissingTool(located.error);
      throw new Error(located.error);
    }
    // Relative paths in the launch configuration are relative to the workspace folder.
    const cwd = session.workspaceFolder?.uri.fsPath;
    return new vscode.DebugAdapterExecutable(located.tool.command, located.tool.args, cwd ? { cwd } : undefined);
  }
}
