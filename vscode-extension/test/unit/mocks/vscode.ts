/**
 * A small hand-written stand-in for the `vscode` module: just the classes and namespaces the
 * extension uses, with recorders so tests can see what the extension asked VS Code to do.
 * The unit-test bundle aliases `vscode` to this file (scripts/build.mjs --tests).
 */
import * as path from 'path';

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string, private readonly raw: string) {}
  static file(file: string): Uri {
    const absolute = path.resolve(file);
    return new Uri('file', absolute, `file://${absolute}`);
  }
  static parse(value: string): Uri {
    return value.startsWith('file://') ? Uri.file(decodeURIComponent(value.slice('file://'.length))) : new Uri('untitled', value, value);
  }
  toString(): string {
    return this.raw;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export class Location {
  constructor(readonly uri: Uri, readonly range: Range) {}
}

export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }

export class DiagnosticRelatedInformation {
  constructor(readonly location: Location, readonly message: string) {}
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity) {}
}

export enum TaskScope { Global = 1, Workspace = 2 }

export class TaskGroup {
  static readonly Build = new TaskGroup('build');
  private constructor(readonly id: string) {}
}

export class ProcessExecution {
  constructor(readonly process: string, readonly args: string[], readonly options?: { cwd?: string }) {}
}

export class Task {
  group?: TaskGroup;
  constructor(
    readonly definition: { type: string; [key: string]: unknown },
    readonly scope: unknown,
    readonly name: string,
    readonly source: string,
    readonly execution: ProcessExecution,
    readonly problemMatchers: string[],
  ) {}
}

export class DebugAdapterExecutable {
  constructor(readonly command: string, readonly args: string[], readonly options?: { cwd?: string }) {}
}

export enum ViewColumn { Active = -1, Beside = -2 }

export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }

export class TreeItem {
  description?: string;
  tooltip?: string;
  id?: string;
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(readonly label: string, readonly collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None) {}
}

export enum ConfigurationTarget { Global = 1, Workspace = 2, WorkspaceFolder = 3 }

/** What the extension showed or executed, for assertions. */
export const recorded = {
  messages: [] as { level: 'info' | 'warning' | 'error'; text: string }[],
  commands: [] as { command: string; args: unknown[] }[],
  reset(): void {
    this.messages.length = 0;
    this.commands.length = 0;
  },
};

interface FakeDocument {
  fileName: string;
  languageId: string;
  uri: Uri;
  getText(): string;
}

interface FakeEditor {
  document: FakeDocument;
  selection: { active: Position };
}

/** Tree views the extension created, by id, with their data provider. */
export const treeViews = new Map<string, { treeDataProvider: unknown; dispose(): void }>();

export const window = {
  activeTextEditor: undefined as FakeEditor | undefined,
  onDidChangeActiveTextEditor: (listener: Listener<FakeEditor | undefined>) => events.didChangeActiveEditor.event(listener),
  createTreeView(id: string, options: { treeDataProvider: unknown }) {
    const view = { treeDataProvider: options.treeDataProvider, dispose: () => treeViews.delete(id) };
    treeViews.set(id, view);
    return view;
  },
  createOutputChannel: (name: string) => ({ name, append() {}, appendLine() {}, show() {}, dispose() {} }),
  async showInformationMessage(text: string): Promise<undefined> {
    recorded.messages.push({ level: 'info', text });
    return undefined;
  },
  async showWarningMessage(text: string): Promise<undefined> {
    recorded.messages.push({ level: 'warning', text });
    return undefined;
  },
  async showErrorMessage(text: string): Promise<undefined> {
    recorded.messages.push({ level: 'error', text });
    return undefined;
  },
  async showQuickPick<T>(items: T[]): Promise<T | undefined> {
    return items[0];
  },
  async showTextDocument(target?: unknown, options?: unknown): Promise<void> {
    recorded.commands.push({ command: 'showTextDocument', args: [target, options] });
  },
};

/** Settings seen through `workspace.getConfiguration('pan')`; tests assign to it. */
export const settingsStore: Record<string, unknown> = {};

/** Start a test afresh: nothing shown or executed yet, no settings. */
export function resetRecordedAndSettings(): void {
  recorded.reset();
  workspace.isTrusted = true;
  for (const key of Object.keys(settingsStore)) delete settingsStore[key];
}

export interface WorkspaceFolder {
  uri: Uri;
  name: string;
  index: number;
}

export const workspace = {
  /** false: Restricted Mode; tests set it. */
  isTrusted: true,
  onDidGrantWorkspaceTrust: (listener: Listener<void>) => events.didGrantTrust.event(listener),
  onDidSaveTextDocument: (listener: Listener<FakeDocument>) => events.didSave.event(listener),
  onDidChangeConfiguration: (listener: Listener<{ affectsConfiguration(section: string): boolean }>) => events.didChangeConfiguration.event(listener),
  createFileSystemWatcher: (pattern: string) => ({ pattern, dispose() {} }),
  workspaceFolders: undefined as WorkspaceFolder[] | undefined,
  textDocuments: [] as FakeDocument[],
  getConfiguration(section?: string) {
    return {
      get<T>(key: string): T | undefined {
        return settingsStore[section ? `${section}.${key}` : key] as T | undefined;
      },
      async update(key: string, value: unknown, target?: ConfigurationTarget): Promise<void> {
        settingsStore[section ? `${section}.${key}` : key] = value;
        recorded.commands.push({ command: 'updateSetting', args: [section ? `${section}.${key}` : key, value, target] });
      },
    };
  },
  getWorkspaceFolder(uri: Uri): WorkspaceFolder | undefined {
    return (this.workspaceFolders ?? []).find((folder) => uri.fsPath.startsWith(folder.uri.fsPath + path.sep));
  },
};

/** Extensions visible to `extensions.getExtension`; tests register fakes here. */
export const installedExtensions = new Map<string, { isActive: boolean; exports: unknown; activate(): Promise<unknown> }>();

export const extensions = {
  getExtension(id: string) {
    return installedExtensions.get(id);
  },
};

/** Commands registered by the extension. */
export const registeredCommands = new Map<string, (...args: unknown[]) => unknown>();

export const commands = {
  async executeCommand(command: string, ...args: unknown[]): Promise<void> {
    recorded.commands.push({ command, args });
  },
  registerCommand(command: string, callback: (...args: unknown[]) => unknown) {
    registeredCommands.set(command, callback);
    return { dispose: () => registeredCommands.delete(command) };
  },
};

type Listener<T> = (event: T) => unknown;

/** A minimal vscode.EventEmitter-like event source that tests can fire. */
export class TestEvent<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
}

/** vscode.EventEmitter: the extension fires, its listeners hear. */
export class EventEmitter<T> extends TestEvent<T> {
  dispose(): void {}
}

export const events = {
  didChangeActiveEditor: new TestEvent<FakeEditor | undefined>(),
  didSave: new TestEvent<FakeDocument>(),
  didChangeConfiguration: new TestEvent<{ affectsConfiguration(section: string): boolean }>(),
  didGrantTrust: new TestEvent<void>(),
};

/** Providers the extension registered, by kind and type. */
export const registeredProviders = new Map<string, unknown>();

export const debug = {
  registerDebugConfigurationProvider(type: string, provider: unknown) {
    registeredProviders.set(`debugConfiguration:${type}`, provider);
    return { dispose() {} };
  },
  registerDebugAdapterDescriptorFactory(type: string, factory: unknown) {
    registeredProviders.set(`debugAdapter:${type}`, factory);
    return { dispose() {} };
  },
};

export const tasks = {
  registerTaskProvider(type: string, provider: unknown) {
    registeredProviders.set(`task:${type}`, provider);
    return { dispose() {} };
  },
};

export enum LanguageStatusSeverity { Information = 0, Warning = 1, Error = 2 }

/** The language status items the extension created, by id. */
export const statusItems = new Map<string, {
  id: string; name?: string; text: string; detail?: string; severity: LanguageStatusSeverity; busy: boolean;
  command?: { command: string; title: string }; selector: unknown; dispose(): void;
}>();

export const languages = {
  createLanguageStatusItem(id: string, selector: unknown) {
    const item = { id, selector, text: '', severity: LanguageStatusSeverity.Information, busy: false, dispose: () => statusItems.delete(id) };
    statusItems.set(id, item);
    return item;
  },
  createDiagnosticCollection(name: string) {
    const entries = new Map<string, Diagnostic[]>();
    return { name, entries, set: (uri: Uri, d: Diagnostic[]) => entries.set(uri.toString(), d), clear: () => entries.clear(), dispose: () => entries.clear() };
  },
};

/** Make `folder` the only workspace folder and return it. */
export function setWorkspaceFolder(folder: string | undefined): WorkspaceFolder | undefined {
  workspace.workspaceFolders = folder ? [{ uri: Uri.file(folder), name: path.basename(folder), index: 0 }] : undefined;
  return workspace.workspaceFolders?.[0];
}

/** Open a fake editor on a file with the given language and text. */
export function openEditor(fileName: string, languageId: string, text = '', line = 0, character = 0): FakeEditor {
  const editor = {
    document: { fileName, languageId, uri: Uri.file(fileName), getText: () => text },
    selection: { active: new Position(line, character) },
  };
  window.activeTextEditor = editor;
  return editor;
}
