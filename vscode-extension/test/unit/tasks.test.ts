import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSettings } from '../../src/settings';
import { createPancTask, PancTaskDefinition, PancTaskProvider } from '../../src/tasks';
import { ProcessExecution, Task, TaskGroup, TaskScope, setWorkspaceFolder } from './mocks/vscode';

const panc = { command: '/venv/bin/panc', args: [], source: 'PATH' as const };
const settings = readSettings({ get: <T>(key: string) => ({ includePath: ['templates'], 'compile.extraArgs': ['--nthread', '1'] } as Record<string, unknown>)[key] as T });

describe('createPancTask', () => {
  it('runs panc with the settings as defaults and the panc problem matchers', () => {
    const folder = setWorkspaceFolder('/ws')!;
    const task = createPancTask({ type: 'panc', file: '${file}' }, folder as never, panc, settings) as unknown as Task;
    const execution = task.execution as ProcessExecution;
    assert.equal(execution.process, '/venv/bin/panc');
    assert.deepEqual(execution.args, ['--include-path', '/ws/templates', '--output-dir', '/ws/build', '--formats', 'pan,dep', '--nthread', '1', '${file}']);
    assert.equal(execution.options?.cwd, '/ws');
    assert.deepEqual(task.problemMatchers, ['$panc', '$panc-parse', '$panc-validation']);
    assert.equal(task.group, TaskGroup.Build);
    assert.equal(task.name, 'compile current object template');
    assert.equal(task.source, 'panc');
  });

  it('lets the task definition override formats, output, include path and arguments', () => {
    const folder = setWorkspaceFolder('/ws')!;
    const definition: PancTaskDefinition = { type: 'panc', file: 'profiles/a.pan', formats: ['json'], outputDir: '/out', includePath: ['/lib'], args: [] };
    const task = createPancTask(definition, folder as never, { command: '/py', args: ['-m', 'panc'], source: 'pan.interpreter' }, settings) as unknown as Task;
    assert.deepEqual((task.execution as ProcessExecution).args, ['-m', 'panc', '--include-path', '/lib', '--output-dir', '/out', '--formats', 'json', 'profiles/a.pan']);
    assert.equal(task.name, 'compile profiles/a.pan');
  });
});

describe('PancTaskProvider', () => {
  it('provides one task per workspace folder when panc is found, none otherwise', async () => {
    const folder = setWorkspaceFolder('/ws')!;
    const found = new PancTaskProvider(async () => panc, () => settings, () => [folder as never]);
    assert.equal((await found.provideTasks()).length, 1);
    const missing = new PancTaskProvider(async () => undefined, () => settings, () => [folder as never]);
    assert.deepEqual(await missing.provideTasks(), []);
  });

  it('resolves a panc task from tasks.json and ignores other task types', async () => {
    const folder = setWorkspaceFolder('/ws')!;
    const provider = new PancTaskProvider(async () => panc, () => settings, () => [folder as never]);
    const written = new Task({ type: 'panc', file: 'profiles/b.pan', formats: ['json'] }, folder, 'b', 'panc', new ProcessExecution('', []), []);
    const resolved = (await provider.resolveTask(written as never)) as unknown as Task;
    assert.deepEqual((resolved.execution as ProcessExecution).args.slice(-5), ['--formats', 'json', '--nthread', '1', 'profiles/b.pan']);
    const other = new Task({ type: 'shell' }, TaskScope.Workspace, 'x', 'shell', new ProcessExecution('', []), []);
    assert.equal(await provider.resolveTask(other as never), undefined);
    const noFile = new Task({ type: 'panc' }, TaskScope.Workspace, 'x', 'panc', new ProcessExecution('', []), []);
    assert.equal(await provider.resolveTask(noFile as never), undefined);
  });
});
