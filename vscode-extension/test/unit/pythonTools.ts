/**
 * What the integration tests share: the repository, and a Python interpreter that runs its tools
 * from it ($PAN_PYTHON, else the repository's .venv that .ci/run creates).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (the test bundles run from vscode-extension/out/test). */
export const repo = resolve(__dirname, '..', '..', '..');

/** The environment of the tools' processes: the repository's packages importable. */
export const env = { ...process.env, PYTHONPATH: process.env.PYTHONPATH ?? repo };

/** Why the integration tests are skipped when no interpreter can run the tools. */
export const NO_PYTHON = 'no Python with pan-tools (set PAN_PYTHON)';

/** The first candidate interpreter that can import `module`, if any. */
export function usablePython(module: string): string | undefined {
  const candidates = [process.env.PAN_PYTHON, join(repo, '.venv', 'bin', 'python')].filter((p): p is string => !!p && existsSync(p));
  return candidates.find((python) => spawnSync(python, ['-c', `import ${module}`], { cwd: repo, env, timeout: 60000 }).status === 0);
}
