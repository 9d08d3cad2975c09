/** The `panc` task type: build object templates as VS Code tasks with panc's problem matchers. */
import * as path from 'path';
import * as vscode from 'vscode';
import { ToolCommand } from './executables';
import { pancArgs, resolveIncludeDirs } from './pancCommand';
import { PanSettings } from './settings';

export const PANC_TASK_TYPE = 'panc';
export const PANC_PROBLEM_MATCHERS = ['$panc', '$panc-parse', '$panc-validation'];

export interface PancTaskDefinition extends vscode.TaskDefinition {
  type: 'panc';
  /** Object template(s) to compile; `${file}` is the active editor's file. */
  file: string;
  formats?: string[];
  outputDir?: string;
  includePath?: string[];
  args?: string[];
}

/** A task running panc for one definition (the task definition wins over the settings). */
export function createPancTask(
  definition: PancTaskDefinition,
  scope: vscode.WorkspaceFolder | vscode.TaskScope,
  panc: ToolCommand,
  settings: PanSettings,
): vscode.Task {
  const folder = typeof scope === 'object' ? scope.uri.fsPath : undefined;
  const args = [
    ...panc.args,
    ...pancArgs({
      file: definition.file,
      includeDirs: resolveIncludeDirs(definition.includePath ?? settings.includePath, folder),
      outputDir: definition.outputDir ?? (folder ? path.join(folder, 'build') : 'build'),
      formats: definition.formats ?? ['pan', 'dep'],
      extraArgs: definition.args ?? settings.pancArgs,
    }),
  ];
  const label = definition.file === '${file}' ? 'compile current object template' : `compile ${definition.file}`;
  const task = new vscode.Task(
    definition,
    scope,
    label,
    PANC_TASK_TYPE,
    new vscode.ProcessExecution(panc.command, args, folder ? { cwd: folder } : {}),
    PANC_PROBLEM_MATCHERS,
  );
  task.group = vscode.TaskGroup.Build;
  return task;
}

export type PancLocator = (folder: vscode.WorkspaceFolder | undefined) => Promise<ToolCommand | undefined>;

export class PancTaskProvider implements vscode.TaskProvider {
  constructor(
    private readonly locate: PancLocator,
    private readonly settings: () => PanSettings,
    private readonly folders: () => readonly vscode.WorkspaceFolder[],
  ) {}

  /** One "compile current object template" task per workspace folder. */
  async provideTasks(): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    for (const folder of this.folders()) {
      const panc = await this.locate(folder);
      if (panc) {
        tasks.push(createPancTask({ type: 'panc', file: '${file}' }, folder, panc, this.settings()));
      }
    }
    return tasks;
  }

  /** A `panc` task written in tasks.json. */
  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    const definition = task.definition as PancTaskDefinition;
    if (definition.type !== PANC_TASK_TYPE || typeof definition.file !== 'string') {
      return undefined;
    }
    const folder = typeof task.scope === 'object' ? task.scope : undefined;
    const panc = await this.locate(folder);
    return panc ? createPancTask(definition, task.scope ?? vscode.TaskScope.Workspace, panc, this.settings()) : undefined;
  }
}
