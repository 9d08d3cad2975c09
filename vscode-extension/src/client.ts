/** The panls language client: start, restart, settings without restart, custom requests. */
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { locateTool, reportMissingTool } from './toolLocator';
import { PanSettings, serverSettings } from './settings';
import { currentSettings } from './workspaceSettings';

export class PanClient {
  private client: LanguageClient | undefined;

  constructor(private readonly output: vscode.OutputChannel) {}

  get running(): LanguageClient | undefined {
    return this.client;
  }

  /** Start panls, or explain why it cannot start (the rest of the extension keeps working). */
  async start(): Promise<void> {
    const settings = currentSettings();
    const located = await locateTool('panls', settings);
    if ('error' in located) {
      this.output.appendLine(located.error);
      void reportMissingTool(located.error);
      return;
    }
    const { command, args, source } = located.tool;
    this.output.appendLine(`Starting panls: ${[command, ...args].join(' ')} (found via ${source})`);
    const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'pan' }],
      initializationOptions: serverSettings(settings),
      outputChannel: this.output,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{pan,tpl}') },
    };
    const client = new LanguageClient('pan', 'Pan Language Server (panls)', serverOptions, clientOptions);
    try {
      await client.start();
      this.client = client;
    } catch (err) {
      const message = `Pan: the language server (${command}) failed to start: ${String(err)}`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop();
      } catch (err) {
        this.output.appendLine(`Pan: stopping the language server failed: ${String(err)}`);
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Settings reach the running server as workspace/didChangeConfiguration, no restart needed. */
  async sendSettings(settings: PanSettings): Promise<void> {
    if (this.client) {
      await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings(settings) });
    }
  }
}
