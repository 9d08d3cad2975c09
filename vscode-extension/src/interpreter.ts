/**
 * The Python interpreter that runs the bundled pan-tools: `pan.interpreter` when set, else the
 * interpreter selected in the Python extension, else `python3` on PATH; the first that is Python
 * 3.11 or later. Pure functions over injected views (files, a version probe), so every rule is
 * unit-tested; `probePython` is the real probe.
 */
import { execFile } from 'child_process';
import { findOnPath, isInside, SystemView } from './executables';

export const MINIMUM_PYTHON: readonly [number, number] = [3, 11];

export type InterpreterSource = 'pan.interpreter' | 'Python extension' | 'PATH';

export interface InterpreterCandidate {
  path: string;
  source: InterpreterSource;
}

export interface Interpreter extends InterpreterCandidate {
  version: [number, number];
}

/** A candidate that was looked at and not used, with the reason (shown when none fits). */
export interface Rejected extends InterpreterCandidate {
  reason: string;
}

export type ProbeResult = { version: [number, number] } | { error: string };
export type Probe = (interpreter: string) => Promise<ProbeResult>;

export interface CandidateInput extends SystemView {
  /** `pan.interpreter` (already expanded). */
  setting: string;
  pythonExtensionInterpreter?: string;
  /** Folders of an untrusted workspace: no interpreter inside them may run. */
  untrustedFolders: string[];
}

/**
 * Interpreters to try, in order, and those refused without probing. An explicit `pan.interpreter`
 * is the only candidate: a wrong setting is reported, never silently replaced.
 */
export function interpreterCandidates(input: CandidateInput): { candidates: InterpreterCandidate[]; rejected: Rejected[] } {
  const listed: InterpreterCandidate[] = input.setting
    ? [{ path: input.setting, source: 'pan.interpreter' }]
    : [
      ...(input.pythonExtensionInterpreter ? [{ path: input.pythonExtensionInterpreter, source: 'Python extension' as const }] : []),
      ...(input.platform === 'win32' ? ['python', 'python3'] : ['python3'])
        .map((name) => findOnPath(name, input))
        .filter((found): found is string => found !== undefined)
        .map((found) => ({ path: found, source: 'PATH' as const })),
    ];
  const candidates: InterpreterCandidate[] = [];
  const rejected: Rejected[] = [];
  for (const candidate of listed) {
    if (candidates.some((c) => c.path === candidate.path)) {
      continue;
    }
    if (isInside(candidate.path, input.untrustedFolders, input.platform)) {
      rejected.push({ ...candidate, reason: 'inside the workspace, which is not trusted (Restricted Mode)' });
    } else {
      candidates.push(candidate);
    }
  }
  return { candidates, rejected };
}

function fits(version: [number, number]): boolean {
  return version[0] > MINIMUM_PYTHON[0] || (version[0] === MINIMUM_PYTHON[0] && version[1] >= MINIMUM_PYTHON[1]);
}

/** The first candidate that runs and is recent enough; otherwise every reason. */
export async function chooseInterpreter(
  candidates: InterpreterCandidate[],
  probe: Probe,
  rejected: Rejected[] = [],
): Promise<{ interpreter: Interpreter } | { rejected: Rejected[] }> {
  const reasons = [...rejected];
  for (const candidate of candidates) {
    const result = await probe(candidate.path);
    if ('error' in result) {
      reasons.push({ ...candidate, reason: result.error });
    } else if (!fits(result.version)) {
      reasons.push({ ...candidate, reason: `Python ${result.version.join('.')} is too old` });
    } else {
      return { interpreter: { ...candidate, version: result.version } };
    }
  }
  return { rejected: reasons };
}

/** The notification when no interpreter fits: what is needed, what was found, what to do. */
export function noInterpreterMessage(rejected: Rejected[], setting: string): string {
  const wanted = `Python ${MINIMUM_PYTHON.join('.')} or later`;
  const found = rejected.length === 0
    ? setting ? '' : ' No python3 was found on PATH and the Python extension selected no interpreter.'
    : ` Tried: ${rejected.map((r) => `${r.path} (${r.source}: ${r.reason})`).join('; ')}.`;
  const fix = setting
    ? 'Point pan.interpreter at a Python 3.11+ executable, or clear it to search automatically.'
    : 'Install Python 3.11+ (python3 on PATH), select one in the Python extension, or set pan.interpreter. ' +
      'pan.toolsPath can point at your own pan-tools installation instead.';
  return `Pan: the language server, debugger and compiler bundled with this extension need ${wanted}.${found} ${fix}`;
}

const PROBE_SCRIPT = 'import sys; print("%d.%d" % sys.version_info[:2])';
const PROBE_TIMEOUT_MS = 15000;

/** Run the interpreter once (isolated) to read its version. */
export const probePython: Probe = (interpreter) =>
  new Promise((resolve) => {
    execFile(interpreter, ['-I', '-c', PROBE_SCRIPT], { timeout: PROBE_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      const match = /^(\d+)\.(\d+)\s*$/.exec(stdout ?? '');
      if (match) {
        resolve({ version: [Number(match[1]), Number(match[2])] });
      } else {
        resolve({ error: error ? `does not run (${error.message.split('\n')[0]})` : 'is not a Python interpreter' });
      }
    });
  });
