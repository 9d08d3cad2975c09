/** Launch configurations of the `pan` debugger (pandbg), resolved without VS Code. */

export interface PanLaunchConfig {
  type: string;
  request: string;
  name: string;
  program?: string;
  includePath?: string[];
  outputDir?: string;
  stopOnEntry?: boolean;
  [key: string]: unknown;
}

export interface ActiveFile {
  path: string;
  languageId: string;
}

/** The configuration offered in a new launch.json and by "compile this object template". */
export function defaultLaunchConfig(): PanLaunchConfig {
  return {
    type: 'pan',
    request: 'launch',
    name: 'Compile this object template',
    program: '${file}',
    stopOnEntry: false,
  };
}

export type Resolution = { config: PanLaunchConfig } | { error: string };

/**
 * Fill in a launch request. An empty configuration (F5 with no launch.json) debugs the pan file
 * in the active editor; a missing include path comes from `pan.includePath`, and a missing output
 * directory is a scratch directory for that template (pandbg writes the profile at the end).
 */
export function resolveLaunchConfig(
  config: Partial<PanLaunchConfig>,
  active: ActiveFile | undefined,
  includeDirs: string[],
  outputDirFor: (program: string) => string = () => '',
): Resolution {
  let resolved: Partial<PanLaunchConfig> = { ...config };
  if (!resolved.type && !resolved.request && !resolved.name) {
    if (!active || active.languageId !== 'pan') {
      return { error: 'Pan: open an object template (.pan) to debug it, or add a "pan" launch configuration.' };
    }
    resolved = { ...defaultLaunchConfig(), program: active.path };
  }
  if (resolved.type !== 'pan') {
    return { error: `Pan: unexpected debug type '${String(resolved.type)}'.` };
  }
  if (!resolved.program) {
    if (!active || active.languageId !== 'pan') {
      return { error: 'Pan: the launch configuration has no "program" (the object template to compile).' };
    }
    resolved.program = active.path;
  }
  if (!Array.isArray(resolved.includePath)) {
    resolved.includePath = includeDirs;
  }
  if (!resolved.outputDir) {
    const outputDir = outputDirFor(resolved.program);
    if (outputDir) {
      resolved.outputDir = outputDir;
    }
  }
  return {
    config: {
      ...resolved,
      type: 'pan',
      request: resolved.request ?? 'launch',
      name: resolved.name ?? 'Compile this object template',
    } as PanLaunchConfig,
  };
}
