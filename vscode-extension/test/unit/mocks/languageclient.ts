/**
 * Stand-in for `vscode-languageclient/node` in unit tests: records how the extension builds,
 * starts, stops and talks to the client (scripts/build.mjs --tests aliases the module here).
 */
export enum TransportKind { stdio = 0, ipc = 1, pipe = 2, socket = 3 }

export enum State { Stopped = 1, Running = 2, Starting = 3 }

export const DidChangeConfigurationNotification = { type: { method: 'workspace/didChangeConfiguration' } };

export interface ClientEvent {
  event: 'construct' | 'start' | 'stop' | 'notify' | 'request';
  detail?: unknown;
}

export const clientEvents: ClientEvent[] = [];

/** The clients constructed, last one last: tests fire their notifications and state changes. */
export const clients: LanguageClient[] = [];

export class LanguageClient {
  readonly notificationHandlers = new Map<string, (params: unknown) => void>();
  readonly stateHandlers: ((event: { oldState: State; newState: State }) => void)[] = [];
  constructor(readonly id: string, readonly name: string, readonly serverOptions: unknown, readonly clientOptions: { initializationOptions?: unknown }) {
    clientEvents.push({ event: 'construct', detail: { id, name, serverOptions, initializationOptions: clientOptions.initializationOptions } });
    clients.push(this);
  }
  onNotification(method: string, handler: (params: unknown) => void): { dispose(): void } {
    this.notificationHandlers.set(method, handler);
    return { dispose: () => this.notificationHandlers.delete(method) };
  }
  onDidChangeState(handler: (event: { oldState: State; newState: State }) => void): { dispose(): void } {
    this.stateHandlers.push(handler);
    return { dispose() {} };
  }
  private changeState(oldState: State, newState: State): void {
    for (const handler of this.stateHandlers) handler({ oldState, newState });
  }
  async start(): Promise<void> {
    clientEvents.push({ event: 'start' });
    this.changeState(State.Starting, State.Running);
  }
  async stop(): Promise<void> {
    clientEvents.push({ event: 'stop' });
    this.changeState(State.Running, State.Stopped);
  }
  async sendNotification(type: { method: string }, params: unknown): Promise<void> {
    clientEvents.push({ event: 'notify', detail: { method: type.method, params } });
  }
  async sendRequest(method: string, params: unknown): Promise<unknown> {
    clientEvents.push({ event: 'request', detail: { method, params } });
    return undefined;
  }
}
