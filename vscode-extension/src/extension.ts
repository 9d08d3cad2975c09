/** Entry point: wires the language client, commands, debugger and tasks. No logic lives here. */
import * as vscode from 'vscode';
import { bundleIn } from './bundle';
import { PanClient } from './client';
import { PancRunner } from './compile';
import { PanDebugAdapterFactory, PanDebugConfigurationProvider } from './debug';
import { PanLanguageStatus } from './languageStatus';
import { chooseCluster } from './cluster';
import { registerProfileView } from './profileView';
import { findWrites, showProvenance } from './provenance';
import { showFailingHosts } from './siteStatus';
import { RESTART_SETTINGS } from './settings';
import { PancTaskProvider, PANC_TASK_TYPE } from './tasks';
import { onPythonInterpreterChange, ToolLocator } from './toolLocator';
import { workspaceTrusted } from './trust';
import { currentSettings } from './workspaceSettings';

let panClient: PanClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Pan');
  const status = new PanLanguageStatus();
  const locator = new ToolLocator(bundleIn(context.extensionPath, context.globalStorageUri.fsPath));
  const client = new PanClient(output, locator, status);
  panClient = client;
  const runner = new PancRunner(output, locator);
  context.subscriptions.push(output, status, runner);

  context.subscriptions.push(
    vscode.commands.registerCommand('pan.compile', () => runner.compileActive()),
    vscode.commands.registerCommand('pan.showProfile', () => runner.showProfile()),
    vscode.commands.registerCommand('pan.provenance', () => showProvenance(client.running, runner.lastObject?.toString(), workspaceTrusted())),
    vscode.commands.registerCommand('pan.findWrites', () => findWrites(client.running, runner.lastObject?.toString(), workspaceTrusted())),
    vscode.commands.registerCommand('pan.showFailingHosts', () => showFailingHosts(client.lastSiteStatus)),
    vscode.commands.registerCommand('pan.chooseCluster', () => chooseCluster(client.lastIndex)),
    ...registerProfileView(() => client.running),
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
    // Trusting the workspace may change which tools run (its .venv) and allows compiles.
    vscode.workspace.onDidGrantWorkspaceTrust(() => client.restart()),
    vscode.debug.registerDebugConfigurationProvider('pan', new PanDebugConfigurationProvider()),
    vscode.debug.registerDebugAdapterDescriptorFactory('pan', new PanDebugAdapterFactory(locator)),
    vscode.tasks.registerTaskProvider(
      PANC_TASK_TYPE,
      new PancTaskProvider(
        async (folder) => {
          if (!workspaceTrusted()) {
            return undefined;
          }
          const located = await locator.locate('panc', currentSettings(), folder?.uri);
          return 'tool' in located ? located.tool : undefined;
        },
        currentSettings,
        () => vscode.workspace.workspaceFolders ?? [],
      ),
    ),
  );

  // The bundled tools run with the Python extension's interpreter unless pan.interpreter or
  // pan.toolsPath names another: a new selection there restarts the server.
  const watching = await onPythonInterpreterChange(() => {
    const settings = currentSettings();
    if (!settings.interpreter && !settings.toolsPath) {
      void client.restart();
    }
  });
  if (watching) {
    context.subscriptions.push(watching);
  }

  await client.start();
}

/** VS Code waits for the server to shut down cleanly. */
export function deactivate(): Promise<void> | undefined {
  return panClient?.stop();
}
