import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DetectionInput, detectTool, isInside, missingToolMessage } from '../../src/executables';

function input(files: string[], overrides: Partial<DetectionInput> = {}): DetectionInput {
  const existing = new Set(files);
  return {
    tool: 'panls',
    toolsPath: '',
    interpreter: '',
    workspaceFolders: ['/ws'],
    envPath: '/usr/local/bin:/usr/bin',
    platform: 'linux',
    isFile: (file) => existing.has(file),
    ...overrides,
  };
}

describe('detectTool', () => {
  it('prefers pan.toolsPath, even when the tool is also on PATH', () => {
    const found = detectTool(input(['/opt/pan/panls', '/usr/bin/panls'], { toolsPath: '/opt/pan' }));
    assert.deepEqual(found, { command: '/opt/pan/panls', args: [], source: 'pan.toolsPath' });
  });

  it('accepts an environment root as pan.toolsPath (looks in its bin/)', () => {
    const found = detectTool(input(['/opt/env/bin/pandbg'], { tool: 'pandbg', toolsPath: '/opt/env' }));
    assert.equal(found?.command, '/opt/env/bin/pandbg');
  });

  it('does not fall back to PATH when an explicit pan.toolsPath lacks the tool', () => {
    assert.equal(detectTool(input(['/usr/bin/panls'], { toolsPath: '/opt/empty' })), undefined);
  });

  it('uses the console script beside pan.interpreter', () => {
    const found = detectTool(input(['/opt/venv/bin/python3', '/opt/venv/bin/panls'], { interpreter: '/opt/venv/bin/python3' }));
    assert.deepEqual(found, { command: '/opt/venv/bin/panls', args: [], source: 'pan.interpreter' });
  });

  it('runs `python -m tool` when the interpreter has no console script', () => {
    const found = detectTool(input(['/opt/venv/bin/python3'], { interpreter: '/opt/venv/bin/python3', tool: 'panc' }));
    assert.deepEqual(found, { command: '/opt/venv/bin/python3', args: ['-m', 'panc'], source: 'pan.interpreter' });
  });

  it('reports a pan.interpreter that does not exist', () => {
    assert.equal(detectTool(input(['/usr/bin/panls'], { interpreter: '/nope/python' })), undefined);
  });

  it('skips the workspace .venv when no workspace folder may run programs (Restricted Mode)', () => {
    const found = detectTool(input(['/ws/.venv/bin/panls', '/usr/bin/panls'], { workspaceFolders: [] }));
    assert.deepEqual(found, { command: '/usr/bin/panls', args: [], source: 'PATH' });
  });

  it('finds the workspace .venv before the Python extension and PATH', () => {
    const found = detectTool(input(['/ws/.venv/bin/panls', '/py/bin/panls', '/usr/bin/panls'], { pythonExtensionInterpreter: '/py/bin/python' }));
    assert.deepEqual(found, { command: '/ws/.venv/bin/panls', args: [], source: 'workspace virtualenv' });
  });

  it('also knows venv/ and looks in every workspace folder', () => {
    const found = detectTool(input(['/second/venv/bin/panls'], { workspaceFolders: ['/first', '/second'] }));
    assert.equal(found?.command, '/second/venv/bin/panls');
  });

  it("uses the Python extension's interpreter before PATH", () => {
    const found = detectTool(input(['/py/bin/panls', '/usr/bin/panls'], { pythonExtensionInterpreter: '/py/bin/python' }));
    assert.deepEqual(found, { command: '/py/bin/panls', args: [], source: 'Python extension' });
  });

  it('searches PATH in order', () => {
    const found = detectTool(input(['/usr/bin/panls', '/usr/local/bin/panls']));
    assert.deepEqual(found, { command: '/usr/local/bin/panls', args: [], source: 'PATH' });
  });

  it('handles Windows layouts (Scripts\\, .exe, ; separated PATH)', () => {
    const found = detectTool(input(['C:\\ws\\.venv\\Scripts\\panls.exe'], { platform: 'win32', workspaceFolders: ['C:\\ws'], envPath: 'C:\\bin;C:\\other' }));
    assert.equal(found?.command, 'C:\\ws\\.venv\\Scripts\\panls.exe');
    const onPath = detectTool(input(['C:\\other\\pandbg.exe'], { tool: 'pandbg', platform: 'win32', workspaceFolders: [], envPath: 'C:\\bin;C:\\other' }));
    assert.equal(onPath?.command, 'C:\\other\\pandbg.exe');
  });

  it('finds nothing when pan-tools is not installed anywhere', () => {
    assert.equal(detectTool(input(['/usr/bin/python3'])), undefined);
  });
});

describe('missingToolMessage', () => {
  it('names the tool, what was searched and how to fix it', () => {
    const message = missingToolMessage({ tool: 'panls', toolsPath: '', interpreter: '' });
    assert.match(message, /'panls' was not found/);
    assert.match(message, /\.venv/);
    assert.match(message, /pip install \/path\/to\/pan-tools/, 'pan-tools is not on PyPI: install from a checkout or a wheel');
    assert.doesNotMatch(message, /pip install pan-tools/);
    assert.match(message, /pan\.importStrategy to useBundled/);
  });

  it('blames the explicit setting when one is set', () => {
    assert.match(missingToolMessage({ tool: 'pandbg', toolsPath: '/opt/x', interpreter: '' }), /not found in pan\.toolsPath \(\/opt\/x\)/);
    assert.match(missingToolMessage({ tool: 'panc', toolsPath: '', interpreter: '/usr/bin/python3' }),
      /'\/usr\/bin\/python3' \(pan\.interpreter\) is not a Python interpreter with pan-tools installed/);
  });
});

describe('isInside', () => {
  it('tells files of a folder from files beside it', () => {
    assert.ok(isInside('/ws/.venv/bin/python', ['/ws'], 'linux'));
    assert.ok(isInside('/ws', ['/ws'], 'linux'));
    assert.ok(!isInside('/ws2/bin/python', ['/ws'], 'linux'));
    assert.ok(!isInside('/usr/bin/python3', ['/ws'], 'linux'));
    assert.ok(!isInside('/ws/../usr/bin/python3', ['/ws'], 'linux'));
    assert.ok(isInside('C:\\ws\\.venv\\Scripts\\python.exe', ['C:\\ws'], 'win32'));
  });
});
