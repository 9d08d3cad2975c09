import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseInterpreter, CandidateInput, interpreterCandidates, noInterpreterMessage, probePython } from '../../src/interpreter';

function input(files: string[], overrides: Partial<CandidateInput> = {}): CandidateInput {
  const existing = new Set(files);
  return { setting: '', untrustedFolders: [], envPath: '/usr/local/bin:/usr/bin', platform: 'linux', isFile: (f) => existing.has(f), ...overrides };
}

describe('interpreterCandidates', () => {
  it("lists the Python extension's interpreter, then python3 on PATH, without duplicates", () => {
    const { candidates } = interpreterCandidates(input(['/usr/bin/python3'], { pythonExtensionInterpreter: '/usr/bin/python3' }));
    assert.deepEqual(candidates, [{ path: '/usr/bin/python3', source: 'Python extension' }]);
    const both = interpreterCandidates(input(['/usr/local/bin/python3', '/usr/bin/python3'], { pythonExtensionInterpreter: '/opt/py/bin/python' }));
    assert.deepEqual(both.candidates.map((c) => c.path), ['/opt/py/bin/python', '/usr/local/bin/python3']);
  });

  it('takes pan.interpreter alone when it is set', () => {
    const { candidates } = interpreterCandidates(input(['/usr/bin/python3'], { setting: '/opt/py/bin/python3', pythonExtensionInterpreter: '/x/python' }));
    assert.deepEqual(candidates, [{ path: '/opt/py/bin/python3', source: 'pan.interpreter' }]);
  });

  it('looks for python.exe and python3.exe on a Windows PATH', () => {
    const { candidates } = interpreterCandidates(input(['C:\\Python312\\python.exe'], { platform: 'win32', envPath: 'C:\\bin;C:\\Python312' }));
    assert.deepEqual(candidates, [{ path: 'C:\\Python312\\python.exe', source: 'PATH' }]);
  });

  it('rejects interpreters inside an untrusted workspace, with the reason', () => {
    const { candidates, rejected } = interpreterCandidates(input(['/usr/bin/python3'], { pythonExtensionInterpreter: '/ws/.venv/bin/python', untrustedFolders: ['/ws'] }));
    assert.deepEqual(candidates.map((c) => c.path), ['/usr/bin/python3']);
    assert.match(rejected[0].reason, /Restricted Mode/);
  });
});

describe('chooseInterpreter', () => {
  it('takes the first candidate of Python 3.11 or later', async () => {
    const versions: Record<string, [number, number]> = { '/a': [3, 10], '/b': [3, 11], '/c': [4, 0] };
    const choice = await chooseInterpreter(
      [{ path: '/a', source: 'Python extension' }, { path: '/b', source: 'PATH' }, { path: '/c', source: 'PATH' }],
      async (p) => ({ version: versions[p] }),
    );
    assert.deepEqual(choice, { interpreter: { path: '/b', source: 'PATH', version: [3, 11] } });
    const newer = await chooseInterpreter([{ path: '/c', source: 'PATH' }], async (p) => ({ version: versions[p] }));
    assert.ok('interpreter' in newer, 'Python 4.0 is later than 3.11');
  });

  it('collects every reason when none fits', async () => {
    const choice = await chooseInterpreter([{ path: '/a', source: 'PATH' }], async () => ({ error: 'is not a Python interpreter' }),
      [{ path: '/ws/py', source: 'Python extension', reason: 'inside the workspace' }]);
    assert.ok('rejected' in choice);
    assert.deepEqual(choice.rejected.map((r) => r.path), ['/ws/py', '/a']);
  });
});

describe('noInterpreterMessage', () => {
  it('says what is needed, what was tried and what to do', () => {
    const message = noInterpreterMessage([{ path: '/usr/bin/python3', source: 'PATH', reason: 'Python 3.9 is too old' }], '');
    assert.match(message, /need Python 3\.11 or later\. Tried: \/usr\/bin\/python3 \(PATH: Python 3\.9 is too old\)\./);
    assert.match(message, /set pan\.interpreter/);
    assert.match(message, /pan\.toolsPath/);
    assert.match(noInterpreterMessage([], ''), /No python3 was found on PATH/);
  });
});

describe('probePython', () => {
  it('reads the version of a real interpreter, and explains a program that is not one', async () => {
    const real = await probePython('python3');
    assert.ok('version' in real && real.version[0] === 3, JSON.stringify(real));
    const missing = await probePython('/nonexistent/python3');
    assert.ok('error' in missing && /does not run/.test(missing.error));
    const notPython = await probePython('/bin/true');
    assert.deepEqual(notPython, { error: 'is not a Python interpreter' });
  });
});
