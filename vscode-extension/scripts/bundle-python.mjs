// Put pan-tools and its dependencies into bundled/libs, as Microsoft's Python tool extensions do
// (pip install --target ./bundled/libs --implementation py ...): the .vsix then carries the Python
// tools and runs them with an interpreter it finds (bundled/tool/pan_tool.py).
//
// Only pure-Python wheels are accepted (--platform any --abi none), so one .vsix serves every OS.
// debugpy's universal wheel also vendors pydevd (the debugger of Python programs, with native
// attach helpers for each OS): pandbg uses only debugpy's message layer (pandbg/framing.py), so
// pydevd is left out; tests/pandbg/test_framing.py runs against this bundle in ci.sh.
// Dependencies with native code only (NATIVE) are left out too: pan-tools runs without them
// (without `regex`, the regular expressions of match/replace/split have no time limit; the
// language server's compiles are still stopped by its compile pool's time limit).
//
//   node scripts/bundle-python.mjs        (Python: $PAN_PYTHON, else ../.venv/bin/python, else python3)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(root, '..');
const libs = join(root, 'bundled', 'libs');
const MINIMUM_PYTHON = '3.11';
/** Dependencies that have no pure-Python wheel, which pan-tools can do without. */
const NATIVE = ['regex'];
/** Parts of the installed distributions that the tools never load. */
const PRUNED = ['bin', join('debugpy', '_vendored')];

function python() {
  const venv = join(repo, '.venv', process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
  return process.env.PAN_PYTHON || (existsSync(venv) ? venv : 'python3');
}

/** Run pip; its output is shown only when it fails (this machine's pip.conf is chatty). */
function pip(args) {
  const result = spawnSync(python(), ['-m', 'pip', '--disable-pip-version-check', ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}\n`);
    throw new Error(`pip ${args[0]} failed`);
  }
}

function removePycache(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const path = join(dir, entry.name);
      if (entry.name === '__pycache__') rmSync(path, { recursive: true });
      else removePycache(path);
    }
  }
}

/** name -> version of every distribution in the bundle, from the *.dist-info folders. */
function distributions() {
  const found = {};
  for (const entry of readdirSync(libs).filter((name) => name.endsWith('.dist-info')).sort()) {
    const metadata = readFileSync(join(libs, entry, 'METADATA'), 'utf8');
    const name = /^Name: (.+)$/m.exec(metadata)[1].trim();
    found[name] = /^Version: (.+)$/m.exec(metadata)[1].trim();
  }
  return found;
}

/** pan-tools' dependencies (pyproject.toml) but the NATIVE ones. */
function dependencies() {
  const script = 'import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]))';
  const result = spawnSync(python(), ['-c', script, join(repo, 'pyproject.toml')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot read pyproject.toml: ${result.stderr}`);
  return JSON.parse(result.stdout).filter((requirement) => !NATIVE.includes(/^[A-Za-z0-9_.-]+/.exec(requirement)[0]));
}

const started = Date.now();
const wheels = mkdtempSync(join(tmpdir(), 'pan-wheels-'));
try {
  pip(['wheel', '--quiet', '--no-deps', '--wheel-dir', wheels, repo]);
  const [wheel] = readdirSync(wheels).filter((name) => name.startsWith('pan_tools-') && name.endsWith('.whl'));
  rmSync(libs, { recursive: true, force: true });
  const pure = ['--platform', 'any', '--abi', 'none', '--implementation', 'py', '--python-version', MINIMUM_PYTHON,
    '--only-binary=:all:'];
  pip(['install', '--quiet', '--no-compile', '--target', libs, ...pure, ...dependencies()]);
  pip(['install', '--quiet', '--no-compile', '--target', libs, ...pure, '--no-deps', join(wheels, wheel)]);
} finally {
  rmSync(wheels, { recursive: true, force: true });
}
for (const part of PRUNED) rmSync(join(libs, part), { recursive: true, force: true });
// pip's record of where the wheel came from: a temporary path of this machine.
for (const entry of readdirSync(libs).filter((name) => name.endsWith('.dist-info'))) {
  rmSync(join(libs, entry, 'direct_url.json'), { force: true });
}
removePycache(libs);
const manifest = {
  requiresPython: `>=${MINIMUM_PYTHON}`, pruned: PRUNED, leftOut: NATIVE, distributions: distributions(),
};
writeFileSync(join(root, 'bundled', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const listed = Object.entries(manifest.distributions).map(([name, version]) => `${name} ${version}`).join(', ');
console.log(`bundled/libs: ${listed} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
