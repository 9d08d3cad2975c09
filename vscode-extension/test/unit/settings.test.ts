import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSettings, RESTART_SETTINGS, serverSettings } from '../../src/settings';

function reader(values: Record<string, unknown>) {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('readSettings', () => {
  it('gives the defaults when nothing is set', () => {
    const settings = readSettings(reader({}));
    assert.deepEqual(settings, {
      interpreter: '',
      importStrategy: 'useBundled',
      toolsPath: '',
      includePath: [],
      objectRoots: [],
      cluster: '',
      lint: { enabled: true, select: [], ignore: [], lineLength: 120 },
      compileOnType: true,
      siteCheck: { enabled: true, onStartup: true, maxObjects: 100, timeBudgetMs: 120000, buildDir: '' },
      profileFormat: 'json',
      pancArgs: [],
    });
  });

  it('reads every setting and trims paths', () => {
    const settings = readSettings(reader({
      interpreter: ' /opt/venv/bin/python ',
      importStrategy: 'fromEnvironment',
      toolsPath: '/opt/pan/bin',
      includePath: ['templates', 'site'],
      objectRoots: ['profiles'],
      'lint.enabled': false,
      'lint.select': ['LP001'],
      'lint.ignore': ['LP004', 'trailing-whitespace'],
      'lint.lineLength': 100,
      'compile.onType': false,
      'profile.format': 'pan',
      'compile.extraArgs': ['--max-iteration', '5000'],
    }));
    assert.equal(settings.interpreter, '/opt/venv/bin/python');
    assert.equal(settings.importStrategy, 'fromEnvironment');
    assert.equal(settings.toolsPath, '/opt/pan/bin');
    assert.deepEqual(settings.includePath, ['templates', 'site']);
    assert.deepEqual(settings.objectRoots, ['profiles']);
    assert.deepEqual(settings.lint, { enabled: false, select: ['LP001'], ignore: ['LP004', 'trailing-whitespace'], lineLength: 100 });
    assert.equal(settings.compileOnType, false);
    assert.equal(settings.profileFormat, 'pan');
    assert.deepEqual(settings.pancArgs, ['--max-iteration', '5000']);
  });

  it('accepts a colon-separated include path string and drops ill-typed values', () => {
    const settings = readSettings(reader({
      includePath: 'templates:site::lib',
      objectRoots: [42, 'profiles', ''],
      'lint.lineLength': -3,
      'profile.format': 'yaml',
      interpreter: 17,
      importStrategy: 'fromSomewhere',
    }));
    assert.deepEqual(settings.includePath, ['templates', 'site', 'lib']);
    assert.deepEqual(settings.objectRoots, ['profiles']);
    assert.equal(settings.lint.lineLength, 120);
    assert.equal(settings.profileFormat, 'json');
    assert.equal(settings.interpreter, '');
    assert.equal(settings.importStrategy, 'useBundled');
  });
});

describe('serverSettings', () => {
  it('nests what panls reads (panls/config.py keys) under "pan"', () => {
    const payload = serverSettings(readSettings(reader({ includePath: ['t'], objectRoots: ['p'], 'lint.ignore': ['LP004'], 'compile.onType': false })));
    assert.deepEqual(payload, {
      pan: {
        includePath: ['t'],
        objectRoots: ['p'],
        lint: { enabled: true, select: [], ignore: ['LP004'], lineLength: 120 },
        compile: { enabled: false },
        siteCheck: { enabled: true, onStartup: true, maxObjects: 100, timeBudgetMs: 120000, buildDir: '' },
        cluster: '',
      },
    });
  });

  it('passes the site check and the SCDB cluster on', () => {
    const settings = readSettings(reader({
      cluster: 'cfg/clusters/grid/umd4', 'siteCheck.onStartup': false, 'siteCheck.maxObjects': 20,
      'siteCheck.timeBudgetMs': -1, 'siteCheck.buildDir': 'build/xml',
    }));
    assert.deepEqual(serverSettings(settings).pan.siteCheck,
      { enabled: true, onStartup: false, maxObjects: 20, timeBudgetMs: 120000, buildDir: 'build/xml' });
    assert.equal(serverSettings(settings).pan.cluster, 'cfg/clusters/grid/umd4');
    assert.equal((serverSettings(settings, false).pan.siteCheck as { enabled: boolean }).enabled, false);
  });

  it('never lets the server compile in Restricted Mode', () => {
    const settings = readSettings(reader({ 'compile.onType': true }));
    assert.deepEqual(serverSettings(settings, false).pan.compile, { enabled: false });
    assert.deepEqual(serverSettings(settings, true).pan.compile, { enabled: true });
  });

  it('restarts the server only for the settings that choose its executable', () => {
    assert.deepEqual(RESTART_SETTINGS, ['pan.interpreter', 'pan.importStrategy', 'pan.toolsPath']);
  });
});

describe('package.json settings', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;

  it('declares defaults equal to the ones the code falls back to', () => {
    const declared = readSettings({ get: <T>(key: string) => properties[`pan.${key}`]?.default as T | undefined });
    assert.deepEqual(declared, readSettings({ get: () => undefined }));
  });

  it('declares every setting the code reads, and only those', () => {
    const read = new Set<string>();
    readSettings({ get: <T>(key: string) => { read.add(`pan.${key}`); return undefined as T | undefined; } });
    // Read elsewhere: compile.ts (formats, outputDir) and vscode-languageclient (trace.server, client id "pan").
    const elsewhere = ['pan.compile.formats', 'pan.compile.outputDir', 'pan.trace.server'];
    assert.deepEqual(Object.keys(properties).sort(), [...read, ...elsewhere].sort());
  });
});
