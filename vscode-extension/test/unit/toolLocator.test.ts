import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Bundle, bundleIn } from '../../src/bundle';
import { ProbeResult } from '../../src/interpreter';
import { PanSettings, readSettings } from '../../src/settings';
import { ToolLocator } from '../../src/toolLocator';
import { installedExtensions, setWorkspaceFolder, Uri, workspace } from './mocks/vscode';

function touch(file: string): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

/** An extension directory with a (fake) bundle, and its storage. */
function fakeBundle(): Bundle {
  const root = mkdtempSync(join(tmpdir(), 'ext-'));
  touch(join(root, 'bundled', 'tool', 'pan_tool.py'));
  touch(join(root, 'bundled', 'libs', 'panls', '__main__.py'));
  return bundleIn(root, join(root, 'storage'));
}

/** An environment directory whose bin/ holds python3 and the given tools. */
function environment(tools: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'pan-env-'));
  for (const tool of ['python3', ...tools]) touch(join(root, 'bin', tool));
  return root;
}

function selectInPythonExtension(interpreter: string): void {
  installedExtensions.set('ms-python.python', {
    isActive: true, exports: { environments: { getActiveEnvironmentPath: () => ({ path: interpreter }) } }, activate: async () => undefined,
  });
}

/** A probe answering fixed versions, counting its calls. */
function probe(versions: Record<string, [number, number]>) {
  const calls: string[] = [];
  const run = async (path: string): Promise<ProbeResult> => {
    calls.push(path);
    return versions[path] ? { version: versions[path] } : { error: 'does not run (ENOENT)' };
  };
  return { run, calls };
}

const defaults: PanSettings = readSettings({ get: () => undefined });
const savedPath = process.env.PATH;

describe('ToolLocator', () => {
  let ws: string;
  beforeEach(() => {
    installedExtensions.clear();
    ws = mkdtempSync(join(tmpdir(), 'ws-'));
    setWorkspaceFolder(ws);
    workspace.isTrusted = true;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'emptybin-'));
  });
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it("runs the bundled tools with the Python extension's interpreter, isolated, bytecode in the extension's storage", async () => {
    const bundle = fakeBundle();
    const python = join(environment([]), 'bin', 'python3');
    selectInPythonExtension(python);
    const located = await new ToolLocator(bundle, probe({ [python]: [3, 12] }).run).locate('panls', defaults);
    assert.deepEqual(located, {
      tool: { command: python, args: ['-I', '-X', `pycache_prefix=${bundle.bytecodeCache}`, bundle.launcher, 'panls'], source: 'bundled' },
      interpreter: { path: python, source: 'Python extension', version: [3, 12] },
    });
  });

  it('passes over an interpreter that is too old for python3 on PATH, probing each once', async () => {
    const old = join(environment([]), 'bin', 'python3');
    const onPath = environment([]);
    process.env.PATH = join(onPath, 'bin');
    selectInPythonExtension(old);
    const versions = probe({ [old]: [3, 9], [join(onPath, 'bin', 'python3')]: [3, 11] });
    const locator = new ToolLocator(fakeBundle(), versions.run);
    const located = await locator.locate('pandbg', defaults);
    assert.ok('interpreter' in located && located.interpreter?.path === join(onPath, 'bin', 'python3') && located.interpreter.source === 'PATH');
    await locator.locate('panc', defaults);
    assert.deepEqual(versions.calls, [old, join(onPath, 'bin', 'python3')], 'versions are remembered');
    locator.forget();
    await locator.locate('panc', defaults);
    assert.equal(versions.calls.length, 4, 'forget() probes again (after a restart)');
  });

  it('says what is missing when no interpreter fits', async () => {
    const old = join(environment([]), 'bin', 'python3');
    process.env.PATH = join(old, '..');
    const located = await new ToolLocator(fakeBundle(), probe({ [old]: [3, 8] }).run).locate('panls', defaults);
    assert.ok('error' in located);
    assert.match(located.error, /need Python 3\.11 or later/);
    assert.match(located.error, new RegExp(`${old} \\(PATH: Python 3\\.8 is too old\\)`));
    assert.match(located.error, /set pan\.interpreter/);
  });

  it('never replaces an explicit pan.interpreter that does not fit', async () => {
    const good = join(environment([]), 'bin', 'python3');
    process.env.PATH = join(good, '..');
    const located = await new ToolLocator(fakeBundle(), probe({ [good]: [3, 12] }).run).locate('panls', { ...defaults, interpreter: '/opt/python2/bin/python' });
    assert.ok('error' in located && /\/opt\/python2\/bin\/python \(pan\.interpreter: does not run/.test(located.error));
  });

  it('finds the user\'s own installation with "fromEnvironment", the workspace .venv first', async () => {
    touch(join(ws, '.venv', 'bin', 'panc'));
    selectInPythonExtension(join(environment(['panc']), 'bin', 'python3'));
    const located = await new ToolLocator(fakeBundle(), probe({}).run).locate('panc', { ...defaults, importStrategy: 'fromEnvironment' });
    assert.deepEqual(located, { tool: { command: join(ws, '.venv', 'bin', 'panc'), args: [], source: 'workspace virtualenv' } });
  });

  it('expands ${workspaceFolder} in pan.interpreter', async () => {
    touch(join(ws, 'env', 'bin', 'python'));
    touch(join(ws, 'env', 'bin', 'pandbg'));
    const settings = { ...defaults, importStrategy: 'fromEnvironment' as const, interpreter: '${workspaceFolder}/env/bin/python' };
    const located = await new ToolLocator(fakeBundle(), probe({}).run).locate('pandbg', settings);
    assert.deepEqual(located, { tool: { command: join(ws, 'env', 'bin', 'pandbg'), args: [], source: 'pan.interpreter' } });
  });

  it('uses an environment when the extension was built without its bundle, and says so when none has pan-tools', async () => {
    const env = environment(['panls']);
    process.env.PATH = join(env, 'bin');
    const located = await new ToolLocator(undefined, probe({}).run).locate('panls', defaults);
    assert.deepEqual(located, { tool: { command: join(env, 'bin', 'panls'), args: [], source: 'PATH' } });
    process.env.PATH = mkdtempSync(join(tmpdir(), 'emptybin-'));
    const missing = await new ToolLocator(undefined, probe({}).run).locate('panls', defaults);
    assert.ok('error' in missing && /carries no bundled pan-tools/.test(missing.error));
  });

  it('ignores a broken Python extension', async () => {
    const python = join(environment([]), 'bin', 'python3');
    process.env.PATH = join(python, '..');
    installedExtensions.set('ms-python.python', { isActive: false, exports: undefined, activate: async () => { throw new Error('boom'); } });
    const located = await new ToolLocator(fakeBundle(), probe({ [python]: [3, 13] }).run).locate('panls', defaults);
    assert.ok('interpreter' in located && located.interpreter?.source === 'PATH');
  });

  describe('in Restricted Mode', () => {
    beforeEach(() => {
      workspace.isTrusted = false;
    });

    it("does not run the workspace's interpreter, even when the Python extension selected it", async () => {
      const inWorkspace = touch(join(ws, '.venv', 'bin', 'python3'));
      const system = join(environment([]), 'bin', 'python3');
      process.env.PATH = join(system, '..');
      selectInPythonExtension(inWorkspace);
      const versions = probe({ [inWorkspace]: [3, 12], [system]: [3, 11] });
      const located = await new ToolLocator(fakeBundle(), versions.run).locate('panls', defaults);
      assert.ok('interpreter' in located && located.interpreter?.path === system);
      assert.deepEqual(versions.calls, [system], 'the workspace interpreter is not even probed');
    });

    it('does not run .venv/bin/panls of the workspace', async () => {
      touch(join(ws, '.venv', 'bin', 'panls'));
      const located = await new ToolLocator(fakeBundle(), probe({}).run).locate('panls', { ...defaults, importStrategy: 'fromEnvironment' });
      assert.ok('error' in located && /'panls' was not found/.test(located.error));
    });

    it('refuses tools or an interpreter configured inside the workspace', async () => {
      touch(join(ws, 'tools', 'panls'));
      const tools = await new ToolLocator(fakeBundle(), probe({}).run).locate('panls', { ...defaults, toolsPath: join(ws, 'tools') });
      assert.ok('error' in tools && /pan\.toolsPath .* is not used: the workspace is not trusted/.test(tools.error));
      const interpreter = await new ToolLocator(fakeBundle(), probe({}).run).locate('panls', { ...defaults, interpreter: '${workspaceFolder}/py' });
      assert.ok('error' in interpreter && /pan\.interpreter .* is not used/.test(interpreter.error));
    });
  });
});

describe('the Python extension', () => {
  beforeEach(() => {
    installedExtensions.clear();
    setWorkspaceFolder(mkdtempSync(join(tmpdir(), 'ws-')));
    workspace.isTrusted = true;
  });

  it('resolves an environment known by its folder (conda) to its interpreter', async () => {
    const env = environment([]);
    const python = join(env, 'bin', 'python3');
    installedExtensions.set('ms-python.python', {
      isActive: true,
      exports: {
        environments: {
          getActiveEnvironmentPath: () => ({ id: 'conda-env', path: env }),
          resolveEnvironment: async (e: { path: string }) => (e.path === env ? { executable: { uri: Uri.file(python) } } : undefined),
        },
      },
      activate: async () => undefined,
    });
    const located = await new ToolLocator(fakeBundle(), probe({ [python]: [3, 12] }).run).locate('panls', defaults);
    assert.ok('interpreter' in located && located.interpreter?.path === python, JSON.stringify(located));
  });
});
