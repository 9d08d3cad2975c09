import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { readSettings } from '../../src/settings';
import { locateTool } from '../../src/toolLocator';
import { installedExtensions, setWorkspaceFolder } from './mocks/vscode';

function environment(tools: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'pan-env-'));
  mkdirSync(join(root, 'bin'));
  for (const tool of ['python3', ...tools]) {
    writeFileSync(join(root, 'bin', tool), '#!/bin/sh\n');
    chmodSync(join(root, 'bin', tool), 0o755);
  }
  return root;
}

const noSettings = readSettings({ get: () => undefined });

describe('locateTool', () => {
  beforeEach(() => installedExtensions.clear());

  it("finds panls beside the Python extension's selected interpreter", async () => {
    setWorkspaceFolder(mkdtempSync(join(tmpdir(), 'ws-')));
    const env = environment(['panls']);
    installedExtensions.set('ms-python.python', {
      isActive: false,
      exports: undefined,
      activate: async () => ({ environments: { getActiveEnvironmentPath: () => ({ path: join(env, 'bin', 'python3') }) } }),
    });
    const located = await locateTool('panls', { ...noSettings }, undefined);
    assert.deepEqual(located, { tool: { command: join(env, 'bin', 'panls'), args: [], source: 'Python extension' } });
  });

  it('prefers the workspace .venv over the Python extension', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    mkdirSync(join(ws, '.venv', 'bin'), { recursive: true });
    writeFileSync(join(ws, '.venv', 'bin', 'panc'), '');
    setWorkspaceFolder(ws);
    const env = environment(['panc']);
    installedExtensions.set('ms-python.python', { isActive: true, exports: { environments: { getActiveEnvironmentPath: () => ({ path: join(env, 'bin', 'python3') }) } }, activate: async () => undefined });
    const located = await locateTool('panc', noSettings, undefined);
    assert.ok('tool' in located && located.tool.command === join(ws, '.venv', 'bin', 'panc'));
  });

  it('expands ${workspaceFolder} in pan.pythonPath', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ws-'));
    mkdirSync(join(ws, 'env', 'bin'), { recursive: true });
    writeFileSync(join(ws, 'env', 'bin', 'python'), '');
    writeFileSync(join(ws, 'env', 'bin', 'pandbg'), '');
    setWorkspaceFolder(ws);
    const located = await locateTool('pandbg', { ...noSettings, pythonPath: '${workspaceFolder}/env/bin/python' }, undefined);
    assert.ok('tool' in located && located.tool.command === join(ws, 'env', 'bin', 'pandbg') && located.tool.source === 'pan.pythonPath');
  });

  it('explains what to do when nothing is found (a broken Python extension is ignored)', async () => {
    setWorkspaceFolder(mkdtempSync(join(tmpdir(), 'ws-')));
    installedExtensions.set('ms-python.python', { isActive: false, exports: undefined, activate: async () => { throw new Error('boom'); } });
    const saved = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'emptybin-'));
    try {
      const located = await locateTool('panls', noSettings, undefined);
      assert.ok('error' in located && /'panls' was not found/.test(located.error));
    } finally {
      process.env.PATH = saved;
    }
  });
});
