import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { activate, deactivate } from '../../src/extension';
import { clientEvents, clients } from './mocks/languageclient';
import {
  events, installedExtensions, LanguageStatusSeverity, openEditor, recorded, registeredCommands, registeredProviders, resetRecordedAndSettings,
  setWorkspaceFolder, settingsStore, statusItems, TestEvent, treeViews, Uri, workspace,
} from './mocks/vscode';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

function toolsDir(...tools: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pan-tools-'));
  for (const tool of tools) {
    writeFileSync(join(dir, tool), '#!/bin/sh\n');
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

let current = { subscriptions: [] as { dispose(): unknown }[] };

/** A fresh extension context (no bundle); afterEach disposes what the extension registered in it. */
function context() {
  const storage = mkdtempSync(join(tmpdir(), 'storage-'));
  current = { subscriptions: [] };
  return { ...current, subscriptions: current.subscriptions, extensionPath: mkdtempSync(join(tmpdir(), 'ext-')), globalStorageUri: Uri.file(storage) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('activate', () => {
  beforeEach(() => {
    resetRecordedAndSettings();
    clientEvents.length = 0;
    registeredCommands.clear();
    registeredProviders.clear();
    setWorkspaceFolder(mkdtempSync(join(tmpdir(), 'ws-')));
  });

  afterEach(() => {
    for (const disposable of current.subscriptions) disposable.dispose();
  });

  it('registers every command of package.json, the debugger and the panc task provider', async () => {
    settingsStore['pan.toolsPath'] = toolsDir('panls');
    await activate(context() as never);
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...registeredCommands.keys()].sort(), declared);
    assert.deepEqual([...registeredProviders.keys()].sort(), ['debugAdapter:pan', 'debugConfiguration:pan', 'task:panc']);
    assert.equal(manifest.contributes.debuggers[0].type, 'pan');
    assert.equal(manifest.contributes.taskDefinitions[0].type, 'panc');
    await deactivate();
  });

  it('starts panls over stdio with the settings as initializationOptions', async () => {
    const tools = toolsDir('panls');
    settingsStore['pan.toolsPath'] = tools;
    settingsStore['pan.includePath'] = ['templates'];
    await activate(context() as never);
    const constructed = clientEvents.find((e) => e.event === 'construct')?.detail as Record<string, unknown>;
    assert.equal(constructed.id, 'pan', 'the id makes "pan.trace.server" the trace setting');
    assert.deepEqual(constructed.serverOptions, { command: join(tools, 'panls'), args: [], transport: 0 });
    assert.deepEqual((constructed.initializationOptions as { pan: { includePath: string[] } }).pan.includePath, ['templates']);
    assert.ok(clientEvents.some((e) => e.event === 'start'));
    await deactivate();
    assert.equal(clientEvents.at(-1)?.event, 'stop');
  });

  it('sends changed settings to the running server, and restarts it when its executable changes', async () => {
    settingsStore['pan.toolsPath'] = toolsDir('panls');
    await activate(context() as never);
    clientEvents.length = 0;
    settingsStore['pan.lint.ignore'] = ['LP004'];
    events.didChangeConfiguration.fire({ affectsConfiguration: (s: string) => s === 'pan' || s === 'pan.lint.ignore' });
    await settle();
    assert.deepEqual(clientEvents.map((e) => e.event), ['notify']);
    const notified = clientEvents[0].detail as { method: string; params: { settings: { pan: { lint: { ignore: string[] } } } } };
    assert.equal(notified.method, 'workspace/didChangeConfiguration');
    assert.deepEqual(notified.params.settings.pan.lint.ignore, ['LP004']);

    clientEvents.length = 0;
    events.didChangeConfiguration.fire({ affectsConfiguration: (s: string) => s === 'pan' || s === 'pan.toolsPath' });
    await settle();
    assert.deepEqual(clientEvents.map((e) => e.event), ['stop', 'construct', 'start']);
    await deactivate();
  });

  it('shows the server state, the indexing and the include path in the language status', async () => {
    settingsStore['pan.toolsPath'] = toolsDir('panls');
    await activate(context() as never);
    const item = statusItems.get('pan.status')!;
    assert.equal(item.text, 'panls');
    assert.match(item.detail ?? '', /panls \(from pan\.toolsPath\)/);
    const client = clients.at(-1)!;
    client.notificationHandlers.get('pan/indexStarted')?.({ includePath: ['/ws/site', '/ws/lib'] });
    assert.equal(item.text, 'panls · indexing…');
    assert.equal(item.busy, true);
    assert.match(item.detail ?? '', /include path: \/ws\/site, \/ws\/lib/);
    client.notificationHandlers.get('pan/indexReady')?.({ files: 812, seconds: 1.25, includePath: ['/ws/site', '/ws/lib'] });
    assert.equal(item.text, 'panls · 812 templates');
    assert.equal(item.busy, false);
    assert.equal(item.severity, LanguageStatusSeverity.Information);
    await deactivate();
    assert.equal(item.text, 'panls stopped · 812 templates');
    assert.equal(item.severity, LanguageStatusSeverity.Warning);
  });

  it('shows the site check in the language status and registers the profile view', async () => {
    settingsStore['pan.toolsPath'] = toolsDir('panls');
    await activate(context() as never);
    const item = statusItems.get('pan.status')!;
    const client = clients.at(-1)!;
    client.notificationHandlers.get('pan/indexReady')?.({
      files: 2928, includePath: ['/scdb/cfg/clusters/grid/umd4'], cluster: '/scdb/cfg/clusters/grid/umd4', clusters: ['/scdb/cfg/clusters/grid/umd4'],
    });
    assert.match(item.detail ?? '', /include path \(SCDB cluster \/scdb\/cfg\/clusters\/grid\/umd4\)/);
    client.notificationHandlers.get('pan/siteStatus')?.({
      objects: 10, checked: 10, failed: 3, pending: 0, notChecked: 0, text: '3 of 10 hosts fail',
      failing: [{ name: 'wn.example.org', uri: 'file:///scdb/wn.pan' }],
    });
    assert.equal(item.text, 'panls · 2928 templates · 3 of 10 hosts fail');
    assert.equal(item.severity, LanguageStatusSeverity.Error);
    assert.ok(treeViews.has('pan.profile'));
    assert.deepEqual(manifest.contributes.views.explorer.map((v: { id: string }) => v.id), ['pan.profile']);
    await deactivate();
  });

  it('in Restricted Mode: no compile on type, no compile command, and a restart once the workspace is trusted', async () => {
    workspace.isTrusted = false;
    settingsStore['pan.toolsPath'] = toolsDir('panls', 'panc');
    await activate(context() as never);
    const constructed = clientEvents.find((e) => e.event === 'construct')?.detail as { initializationOptions: { pan: { compile: unknown } } };
    assert.deepEqual(constructed.initializationOptions.pan.compile, { enabled: false });
    assert.match(statusItems.get('pan.status')!.text, /^Restricted Mode · /);
    openEditor('/ws/node.pan', 'pan', 'object template node;\n');
    await registeredCommands.get('pan.compile')?.();
    await registeredCommands.get('pan.provenance')?.();
    assert.deepEqual(recorded.messages.map((m) => m.text), [
      'Pan: compiling is disabled in Restricted Mode. Trust this workspace to compile its templates.',
      'Pan: compiling is disabled in Restricted Mode. Trust this workspace to compile its templates.',
    ]);
    clientEvents.length = 0;
    workspace.isTrusted = true;
    events.didGrantTrust.fire();
    await settle();
    assert.deepEqual(clientEvents.map((e) => e.event), ['stop', 'construct', 'start']);
    assert.deepEqual((clientEvents[1].detail as typeof constructed).initializationOptions.pan.compile, { enabled: true });
    assert.doesNotMatch(statusItems.get('pan.status')!.text, /Restricted/);
    await deactivate();
  });

  it("restarts the server when another interpreter is selected in the Python extension, unless one is configured", async () => {
    const changed = new TestEvent<unknown>();
    installedExtensions.set('ms-python.python', {
      isActive: true,
      exports: { environments: { getActiveEnvironmentPath: () => undefined, onDidChangeActiveEnvironmentPath: changed.event } },
      activate: async () => undefined,
    });
    settingsStore['pan.importStrategy'] = 'fromEnvironment';
    const env = toolsDir('panls');
    process.env.PATH = `${env}:${process.env.PATH}`;
    try {
      await activate(context() as never);
      clientEvents.length = 0;
      changed.fire({ path: '/other/python3' });
      await settle();
      assert.deepEqual(clientEvents.map((e) => e.event), ['stop', 'construct', 'start']);
      clientEvents.length = 0;
      settingsStore['pan.interpreter'] = '/opt/python3.12/bin/python3';
      changed.fire({ path: '/third/python3' });
      await settle();
      assert.deepEqual(clientEvents, [], 'pan.interpreter wins over the Python extension');
      await deactivate();
    } finally {
      process.env.PATH = process.env.PATH.slice(env.length + 1);
      installedExtensions.clear();
    }
  });

  it('keeps working without panls and says how to install it', async () => {
    settingsStore['pan.toolsPath'] = toolsDir();
    await activate(context() as never);
    assert.equal(clientEvents.length, 0);
    assert.match(recorded.messages[0].text, /'panls' was not found in pan\.toolsPath/);
    assert.equal(statusItems.get('pan.status')?.severity, LanguageStatusSeverity.Error);
    assert.ok(registeredCommands.has('pan.compile'));
    await registeredCommands.get('pan.restartServer')?.();
    assert.equal(clientEvents.length, 0);
    assert.equal(await deactivate(), undefined);
  });
});
