/**
 * The extension's settings (`pan.*`), read through a minimal accessor so that the resolution
 * rules can be tested without VS Code.
 */

/** The subset of `vscode.WorkspaceConfiguration` that settings resolution needs. */
export interface ConfigurationReader {
  get<T>(section: string): T | undefined;
}

export interface LintSettings {
  enabled: boolean;
  select: string[];
  ignore: string[];
  lineLength: number;
}

export type ProfileFormat = 'json' | 'pan';

/**
 * Which pan-tools to run (the `importStrategy` of Microsoft's Python tool extensions):
 * the copy bundled in the extension, or the one installed in the interpreter's environment.
 */
export type ImportStrategy = 'useBundled' | 'fromEnvironment';

/** Re-checking the hosts an edit affects (panls' `siteCheck`, see panls/features/site_check.py). */
export interface SiteCheckSettings {
  enabled: boolean;
  onStartup: boolean;
  maxObjects: number;
  timeBudgetMs: number;
  buildDir: string;
}

export interface PanSettings {
  interpreter: string;
  importStrategy: ImportStrategy;
  toolsPath: string;
  includePath: string[];
  objectRoots: string[];
  cluster: string;
  lint: LintSettings;
  compileOnType: boolean;
  siteCheck: SiteCheckSettings;
  profileFormat: ProfileFormat;
  pancArgs: string[];
}

const DEFAULT_LINE_LENGTH = 120;
const DEFAULT_MAX_OBJECTS = 100;
const DEFAULT_TIME_BUDGET_MS = 120000;

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? Math.floor(value) : fallback;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') {
    return value.split(/[:;]/).map((part) => part.trim()).filter((part) => part.length > 0);
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0);
  }
  return [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Read `pan.*` settings, replacing missing or ill-typed values by their defaults. */
export function readSettings(config: ConfigurationReader): PanSettings {
  const lineLength = config.get<unknown>('lint.lineLength');
  const format = config.get<unknown>('profile.format');
  return {
    interpreter: text(config.get('interpreter')),
    importStrategy: config.get<unknown>('importStrategy') === 'fromEnvironment' ? 'fromEnvironment' : 'useBundled',
    toolsPath: text(config.get('toolsPath')),
    includePath: stringList(config.get('includePath')),
    objectRoots: stringList(config.get('objectRoots')),
    cluster: text(config.get('cluster')),
    lint: {
      enabled: config.get<unknown>('lint.enabled') !== false,
      select: stringList(config.get('lint.select')),
      ignore: stringList(config.get('lint.ignore')),
      lineLength: typeof lineLength === 'number' && lineLength > 0 ? Math.floor(lineLength) : DEFAULT_LINE_LENGTH,
    },
    compileOnType: config.get<unknown>('compile.onType') !== false,
    siteCheck: {
      enabled: config.get<unknown>('siteCheck.enabled') !== false,
      onStartup: config.get<unknown>('siteCheck.onStartup') !== false,
      maxObjects: positive(config.get<unknown>('siteCheck.maxObjects'), DEFAULT_MAX_OBJECTS),
      timeBudgetMs: positive(config.get<unknown>('siteCheck.timeBudgetMs'), DEFAULT_TIME_BUDGET_MS),
      buildDir: text(config.get('siteCheck.buildDir')),
    },
    profileFormat: format === 'pan' ? 'pan' : 'json',
    pancArgs: stringList(config.get('compile.extraArgs')),
  };
}

/**
 * The settings object panls understands (see panls/config.py): sent as `initializationOptions`
 * and as the payload of `workspace/didChangeConfiguration`, nested under `pan`. In Restricted
 * Mode (an untrusted workspace) the server never compiles (nor re-checks hosts).
 */
export function serverSettings(settings: PanSettings, trusted = true): { pan: Record<string, unknown> } {
  return {
    pan: {
      includePath: settings.includePath,
      objectRoots: settings.objectRoots,
      lint: { ...settings.lint },
      compile: { enabled: settings.compileOnType && trusted },
      siteCheck: { ...settings.siteCheck, enabled: settings.siteCheck.enabled && trusted },
      cluster: settings.cluster,
    },
  };
}

/** Settings whose change needs a new server process rather than a configuration notification. */
export const RESTART_SETTINGS = ['pan.interpreter', 'pan.importStrategy', 'pan.toolsPath'];
