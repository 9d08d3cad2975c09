import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { PanDebugAdapterFactory, PanDebugConfigurationProvider } from '../../src/debug';
import { defaultLaunchConfig, resolveLaunchConfig } from '../../src/launchConfig';
import { scratchDir } from '../../src/pancCommand';
import { ToolLocator } from '../../src/toolLocator';
import {
  DebugAdapterExecutable, openEditor, recorded, resetRecordedAndSettings, setWorkspaceFolder, settingsStore, window,
} from './mocks/vscode';
import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('resolveLaunchConfig', () => {
  it('turns an empty configuration (F5 without launch.json) into "compile this object template"', () => {
    const result = resolveLaunchConfig({}, { path: '/ws/profiles/n.pan', languageId: 'pan' }, ['/ws']);
    assert.deepEqual(result, { config: { ...defaultLaunchConfig(), program: '/ws/profiles/n.pan', includePath: ['/ws'] } });
  });

  it('refuses an empty configuration when no pan file is active', () => {
    const result = resolveLaunchConfig({}, { path: '/ws/a.py', languageId: 'python' }, []);
    assert.ok('error' in result && /open an object template/.test(result.error));
  });

  it('keeps what the user wrote and only fills the gaps', () => {
    const result = resolveLaunchConfig(
      { type: 'pan', request: 'launch', name: 'node', program: '/ws/p.pan', includePath: ['/x'], stopOnEntry: true },
      undefined,
      ['/ws'],
    );
    assert.deepEqual(result, { config: { type: 'pan', request: 'launch', name: 'node', program: '/ws/p.pan', includePath: ['/x'], stopOnEntry: true } });
  });

  it('uses the active file when "program" is missing, and fails without one', () => {
    const filled = resolveLaunchConfig({ type: 'pan', request: 'launch', name: 'x' }, { path: '/ws/o.pan', languageId: 'pan' }, []);
    assert.ok('config' in filled && filled.config.program === '/ws/o.pan');
    const failed = resolveLaunchConfig({ type: 'pan', request: 'launch', name: 'x' }, undefined, []);
    assert.ok('error' in failed && /no "program"/.test(failed.error));
  });

  it('rejects another debug type', () => {
    assert.ok('error' in resolveLaunchConfig({ type: 'python', request: 'launch', name: 'x' }, undefined, []));
  });
});

describe('PanDebugConfigurationProvider', () => {
  beforeEach(() => {
    resetRecordedAndSettings();
  });

  it('offers the launch.json snippet that compiles ${file}', () => {
    const [config] = new PanDebugConfigurationProvider().provideDebugConfigurations();
    assert.deepEqual(config, { type: 'pan', request: 'launch', name: 'Compile this object template', program: '${file}', stopOnEntry: false });
  });

  it('resolves F5 on an object template with the include path from the settings', () => {
    const folder = setWorkspaceFolder('/ws');
    settingsStore['pan.includePath'] = ['templates'];
    openEditor('/ws/profiles/node.pan', 'pan', 'object template profiles/node;');
    const config = new PanDebugConfigurationProvider().resolveDebugConfiguration(folder as never, { type: '', request: '', name: '' });
    assert.equal(config?.program, '/ws/profiles/node.pan');
    assert.deepEqual(config?.includePath, ['/ws/templates']);
    assert.equal(config?.outputDir, scratchDir('debug', '/ws/profiles/node.pan'), 'the profile is written outside the workspace');
  });

  it('keeps an output directory given in launch.json', () => {
    const result = resolveLaunchConfig({ type: 'pan', request: 'launch', name: 'n', program: '/p.pan', outputDir: '/out' }, undefined, [], () => '/scratch');
    assert.ok('config' in result && result.config.outputDir === '/out');
  });

  it('aborts the launch with a message when there is nothing to debug', () => {
    window.activeTextEditor = undefined;
    const config = new PanDebugConfigurationProvider().resolveDebugConfiguration(undefined, { type: '', request: '', name: '' });
    assert.equal(config, undefined);
    assert.match(recorded.messages[0].text, /open an object template/);
  });
});

describe('PanDebugAdapterFactory', () => {
  beforeEach(() => {
    resetRecordedAndSettings();
  });

  it('launches pandbg from pan.toolsPath over stdio', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pan-tools-'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'pandbg'), '#!/bin/sh\n');
    chmodSync(join(dir, 'bin', 'pandbg'), 0o755);
    settingsStore['pan.toolsPath'] = dir;
    const folder = setWorkspaceFolder('/ws');
    const descriptor = await new PanDebugAdapterFactory(new ToolLocator(undefined)).createDebugAdapterDescriptor({ workspaceFolder: folder } as never);
    assert.ok(descriptor instanceof DebugAdapterExecutable);
    assert.deepEqual((descriptor as DebugAdapterExecutable).options, { cwd: '/ws' });
    assert.equal((descriptor as DebugAdapterExecutable).command, join(dir, 'bin', 'pandbg'));
    assert.deepEqual((descriptor as DebugAdapterExecutable).args, []);
  });

  it('fails the session with a clear message when pandbg is missing', async () => {
    settingsStore['pan.toolsPath'] = mkdtempSync(join(tmpdir(), 'empty-'));
    await assert.rejects(
      new PanDebugAdapterFactory(new ToolLocator(undefined)).createDebugAdapterDescriptor({ workspaceFolder: undefined } as never),
      /'pandbg' was not found in pan\.toolsPath/,
    );
    assert.equal(recorded.messages[0].level, 'error');
  });
});
