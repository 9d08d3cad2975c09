/**
 * Stand-in for `vscode-languageclient/node` in unit tests: records how the extension builds,
 * starts, stops and talks to the client (scripts/build.mjs --tests aliases the module here).
 */
export enum TransportKind { stdio = 0, ipc = 1, pipe = 2, socket = 3 }

export const DidChangeConfigurationNotification = { type: { method: 'workspace/didChangeConfiguration' } };

export interface ClientEvent {
  event: 'construct' | 'start' | 'stop' | 'notify' | 'request';
  detail?: unknown;
}

export const clientEvents: ClientEvent[] = [];

export class LanguageClient {
  constructor(readonly id: string, readonly name: string, readonly serverOptions: unknown, readonly clientOptions: { initializationOptions?: unknown }) {
    clientEvents.push({ event: 'construct', detail: { id, name, serverOptions, initializationOptions: clientOptions.initializationOptions } });
  }
  async start(): Promise<void> {
    clientEvents.push({ event: 'start' });
  }
  async stop(): Promise<void> {
    clientEvents.push({ event: 'stop' });
  }
  async sendNotification(type: { method: string }, params: unknown): Promise<void> {
    clientEvents.push({ event: 'notify', detail: { method: type.method, params } });
  }
  async sendRequest(method: string, params: unknown): Promise<unknown> {
    clientEvents.push({ event: 'request', detail: { method, params } });
    return undefined;
  }
}
