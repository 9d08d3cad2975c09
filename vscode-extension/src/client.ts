/** The panls language client: start, restart, settings without restart, custom requests, status. */
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { includePathFacet, IndexNotice, indexFacet, PanLanguageStatus, restrictedFacet, serverFacet } from './languageStatus';
import { ClusterNotice } from './cluster';
import { SITE_STATUS, SiteStatus, siteFacet } from './siteStatus';
import { describeLocated, reportMissingTool, ToolLocator } from './toolLocator';
import { workspaceTrusted } from './trust';
import { PanSettings, serverSettings } from './settings';
import { currentSettings } from './workspaceSettings';

/** Notifications of panls about its index of the include path (panls/server.py). */
export const INDEX_STARTED = 'pan/indexStarted';
export const INDEX_READY = 'pan/indexReady';

export class PanClient {
  private client: LanguageClient | undefined;
  /** The last news of the server: its index (and SCDB clusters), its site check. */
  lastIndex: (IndexNotice & ClusterNotice) | undefined;
  lastSiteStatus: SiteStatus | undefined;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly locator: ToolLocator,
    private readonly status: PanLanguageStatus,
  ) {}

  get running(): LanguageClient | undefined {
    return this.client;
  }

  /** Start panls, or explain why it cannot start (the rest of the extension keeps working). */
  async start(): Promise<void> {
    const settings = currentSettings();
    const trusted = workspaceTrusted();
    if (trusted) {
      this.status.delete('trust');
    } else {
      this.status.set(restrictedFacet());
    }
    this.status.delete('index');
    this.status.set(serverFacet('starting'));
    const located = await this.locator.locate('panls', settings);
    if ('error' in located) {
      this.status.set(serverFacet('failed', located.error));
      this.output.appendLine(located.error);
      void reportMissingTool(located.error);
      return;
    }
    const { command, args } = located.tool;
    const origin = describeLocated(located);
    this.output.appendLine(`Starting panls: ${[command, ...args].join(' ')} (${origin})`);
    const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'pan' }],
      initializationOptions: serverSettings(settings, trusted),
      outputChannel: this.output,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{pan,tpl}') },
    };
    const client = new LanguageClient('pan', 'Pan Language Server (panls)', serverOptions, clientOptions);
    this.watch(client, origin);
    try {
      await client.start();
      this.client = client;
    } catch (err) {
      const message = `Pan: the language server (${command}) failed to start: ${String(err)}`;
      this.status.set(serverFacet('failed', message));
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
    }
  }

  /** Keep the language status in step with the client's state and the server's index news. */
  private watch(client: LanguageClient, origin: string): void {
    client.onDidChangeState(({ newState }) => {
      const state = newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped';
      this.status.set(serverFacet(state, origin));
    });
    client.onNotification(INDEX_STARTED, (notice: IndexNotice) => {
      this.status.set(indexFacet(notice, false));
      if (notice.includePath) {
        this.status.set(includePathFacet(notice.includePath));
      }
    });
    client.onNotification(INDEX_READY, (notice: IndexNotice & ClusterNotice) => {
      this.lastIndex = notice;
      this.status.set(indexFacet(notice, true));
      if (notice.includePath) {
        this.status.set(includePathFacet(notice.includePath, notice.cluster ?? undefined));
      }
    });
    client.onNotification(SITE_STATUS, (siteStatus: SiteStatus) => {
      this.lastSiteStatus = siteStatus;
      this.status.set(siteFacet(siteStatus));
    });
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

  /** A new server process; interpreters are probed again (one may have been installed since). */
  async restart(): Promise<void> {
    await this.stop();
    this.locator.forget();
    await this.start();
  }

  /** Settings reach the running server as workspace/didChangeConfiguration, no restart needed. */
  async sendSettings(settings: PanSettings): Promise<void> {
    if (this.client) {
      const notification = { settings: serverSettings(settings, workspaceTrusted()) };
      await this.client.sendNotification(DidChangeConfigurationNotification.type, notification);
    }
  }
}
