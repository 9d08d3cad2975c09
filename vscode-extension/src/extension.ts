/** Entry point: wires the language client, commands, debugger and tasks. No logic lives here. */
import * as vscode from 'vscode';
import { PanClient } from './client';
import { PancRunner } from './compile';
import { PanDebugAdapterFactory, PanDebugConfigurationProvider } from './debug';
import { showProvenance } from './provenance';
import { RESTART_SETTINGS } from './settings';
import { PancTaskProvider, PANC_TASK_TYPE } from './tasks';
import { locateTool } from './toolLocator';
import { currentSettings } from './workspaceSettings';

let panClient: PanClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Pan');
  const client = new PanClient(output);
  panClient = client;
  const runner = new PancRunner(output);
  context.subscriptions.push(output, runner);

  context.subscriptions.push(
    vscode.commands.registerCommand('pan.compile', () => runner.compileActive()),
    vscode.commands.registerCommand('pan.showProfile', () => runner.showProfile()),
    vscode.commands.registerCommand('pan.provenance', () => showProvenance(client.running, runner.lastObject?.toString())),
    vscode.commands.registerCommand('pan.restartServer', () => client.restart()),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId === 'pan') {
        void runner.refreshProfiles();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((section) => event.affectsConfiguration(section))) {
        void client.restart();
      } else if (event.affectsConfiguration('pan')) {
        void client.sendSettings(currentSettings());
      }
    }),
    vscode.debug.registerDebugConfigurationProvider('pan', new PanDebugConfigurationProvider()),
    vscode.debug.registerDebugAdapterDescriptorFactory('pan', new PanDebugAdapterFactory()),
    vscode.tasks.registerTaskProvider(
      PANC_TASK_TYPE,
      new PancTaskProvider(
        async (folder) => {
          const located = await locateTool('panc', currentSettings(), folder?.uri);
          return 'tool' in located ? located.tool : undefined;
        },
        currentSettings,
        () => vscode.workspace.workspaceFolders ?? [],
      ),
    ),
  );

  await client.start();
}

/** VS Code waits for the server to shut down cleanly. */
export function deactivate(): Promise<void> | undefined {
  return panClient?.stop();
}
