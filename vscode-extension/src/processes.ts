/** Run a tool to completion, streaming its output. */
import { spawn } from 'child_process';

export interface ProcessResult {
  code: number | null;
  output: string;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  startError?: string;
}

export function runProcess(
  command: string,
  args: string[],
  cwd: string | undefined,
  onOutput: (chunk: string) => void,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    let output = '';
    let child;
    try {
      child = spawn(command, args, { cwd, shell: false });
    } catch (err) {
      resolve({ code: null, output, startError: String(err) });
      return;
    }
    const collect = (data: Buffer): void => {
      const chunk = data.toString('utf8');
      output += chunk;
      onOutput(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => resolve({ code: null, output, startError: err.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}
