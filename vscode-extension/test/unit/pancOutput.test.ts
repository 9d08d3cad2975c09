import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { editorRange, ENCOUNTERED_REGEX, HEADER_REGEX, MESSAGE_REGEX, parsePancOutput } from '../../src/pancOutput';

// Real output of the Java panc (shared/reference/panc-output-samples/errors/*.stdout), inlined.
const EVALUATION = `evaluation error [errors/./bad_path.pan:4.1-4.11]
cannot add child to element of type long
>>> call stack trace 
>>> [errors/./bad_path.pan:4.1-4.11]
>>> ====================




`;
const NESTED = `evaluation error [errors/./lib/broken.pan:3.16-3.39]
[nested_error] user-initiated error: bad: from include
>>> call stack trace 
>>> [errors/./lib/broken.pan:3.16-3.39]
>>> [errors/./lib/broken.pan:5.8-5.26]
>>> [errors/./nested_error.pan:3.1-3.21]
>>> ====================
`;
const SYNTAX = `syntax error [errors/invalid_dict_key.pan:3.8-3.20]
invalid key (10) for nlist() or hash()


`;
const PARSE_ENCOUNTERED = `parse error [errors/syntax_error.pan:3.11-3.3]

Encountered: ;
Was expecting one of:
    "(" ...
    "+" ...
    "undef" ...
    <DECIMAL_LITERAL> ...
    
`;
const PARSE_ESCAPE = `parse error [errors/illegal_escape_u.pan:3.8-3.18]
double-quoted string contains an illegal escape sequence (\\u)

`;
const VALIDATION = `validation error [errors/validation_error.pan]
validation requires type of 'long' but element is of type 'string'
element path: '/cfg/port'
element value: not-a-number
type: 'long' [?:?]
type: 'mytype' [errors/validation_error.pan:3.15-5.1]
path '/cfg' bound to type mytype in [errors/validation_error.pan:7.15-7.20]


`;
const NO_OBJECT = `evaluation error [?:?]
cannot locate object template named 'hello'


2 templates
2/2 compiled, 0/0 annotations, 0/4 xml, 0/0 dependency
1 errors, 260 ms, 12 MB/6,028 MB heap, 19 MB/-1 MB nonheap
`;

describe('parsePancOutput', () => {
  it('reads an evaluation error with its position and message, dropping the echo of its own frame', () => {
    assert.deepEqual(parsePancOutput(EVALUATION), [{
      kind: 'evaluation',
      location: { file: 'errors/./bad_path.pan', range: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 11 } },
      message: 'cannot add child to element of type long',
      trace: [],
    }]);
  });

  it('keeps the call stack of a nested error as the trace', () => {
    const [problem] = parsePancOutput(NESTED);
    assert.equal(problem.message, '[nested_error] user-initiated error: bad: from include');
    assert.deepEqual(problem.trace.map((t) => `${t.file}:${t.range?.startLine}`), ['errors/./lib/broken.pan:5', 'errors/./nested_error.pan:3']);
  });

  it('reads syntax errors and parse errors', () => {
    assert.equal(parsePancOutput(SYNTAX)[0].kind, 'syntax');
    assert.equal(parsePancOutput(SYNTAX)[0].message, 'invalid key (10) for nlist() or hash()');
    const [escape] = parsePancOutput(PARSE_ESCAPE);
    assert.equal(escape.kind, 'parse');
    assert.equal(escape.message, 'double-quoted string contains an illegal escape sequence (\\u)');
  });

  it('skips the empty line of a JavaCC parse error and folds the expected tokens', () => {
    const [problem] = parsePancOutput(PARSE_ENCOUNTERED);
    assert.equal(problem.message, 'Encountered: ;\nWas expecting one of: "(", "+", "undef", <DECIMAL_LITERAL>');
    assert.deepEqual(problem.location?.range, { startLine: 3, startColumn: 11, endLine: 3, endColumn: 3 });
  });

  it('reads a validation error (file only) with its whole explanation', () => {
    const [problem] = parsePancOutput(VALIDATION);
    assert.equal(problem.kind, 'validation');
    assert.deepEqual(problem.location, { file: 'errors/validation_error.pan' });
    assert.match(problem.message, /^validation requires type of 'long'.*\nelement path: '\/cfg\/port'/);
  });

  it('has no location for `?:?` and ignores the -v statistics', () => {
    const problems = parsePancOutput(NO_OBJECT);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].location, undefined);
    assert.equal(problems[0].message, "cannot locate object template named 'hello'");
  });

  it('reads several errors of one run, and none from clean output', () => {
    assert.equal(parsePancOutput(EVALUATION + SYNTAX + VALIDATION).length, 3);
    assert.deepEqual(parsePancOutput('1 templates\n1/1 compiled, 0/0 annotations, 2/2 xml\n'), []);
  });
});

describe('editorRange', () => {
  it('converts to 0-based positions with an exclusive end', () => {
    assert.deepEqual(editorRange({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 11 }), { start: [3, 0], end: [3, 11] });
  });

  it('collapses an end before the start to one character', () => {
    assert.deepEqual(editorRange({ startLine: 3, startColumn: 11, endLine: 3, endColumn: 3 }), { start: [2, 10], end: [2, 11] });
  });
});

interface Pattern { regexp: string; file?: number; line?: number; column?: number; endLine?: number; endColumn?: number; message?: number; code?: number }
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const patterns = new Map<string, Pattern[]>(
  manifest.contributes.problemPatterns.map((p: { name: string; patterns: Pattern[] }) => [p.name, p.patterns]),
);

/** Run a multi-line VS Code problem pattern over output the way the task system does. */
function runMatcher(name: string, output: string): Record<string, string>[] {
  const steps = patterns.get(name) ?? [];
  const lines = output.split('\n');
  const found: Record<string, string>[] = [];
  for (let i = 0; i + steps.length <= lines.length; i++) {
    const data: Record<string, string> = {};
    const ok = steps.every((step, k) => {
      const m = new RegExp(step.regexp).exec(lines[i + k]);
      if (!m) {
        return false;
      }
      for (const key of ['file', 'line', 'column', 'endLine', 'endColumn', 'message', 'code'] as const) {
        const group = step[key];
        if (group !== undefined && m[group] !== undefined) {
          data[key] = m[group];
        }
      }
      return true;
    });
    if (ok) {
      found.push(data);
    }
  }
  return found;
}

describe('problem matchers in package.json', () => {
  it('use the same regexes as the output parser', () => {
    assert.equal(patterns.get('panc')?.[0].regexp, HEADER_REGEX);
    assert.equal(patterns.get('panc')?.[1].regexp, MESSAGE_REGEX);
    assert.equal(patterns.get('panc-parse')?.[2].regexp, ENCOUNTERED_REGEX);
  });

  it('$panc finds file, range and message of evaluation, syntax and parse errors', () => {
    assert.deepEqual(runMatcher('panc', EVALUATION), [{
      code: 'evaluation', file: 'errors/./bad_path.pan', line: '4', column: '1', endLine: '4', endColumn: '11',
      message: 'cannot add child to element of type long',
    }]);
    assert.deepEqual(runMatcher('panc', SYNTAX)[0], {
      code: 'syntax', file: 'errors/invalid_dict_key.pan', line: '3', column: '8', endLine: '3', endColumn: '20',
      message: 'invalid key (10) for nlist() or hash()',
    });
    assert.equal(runMatcher('panc', PARSE_ESCAPE)[0].message, 'double-quoted string contains an illegal escape sequence (\\u)');
  });

  it('$panc does not take a >>> trace line or an empty line as the message', () => {
    assert.deepEqual(runMatcher('panc', 'evaluation error [a.pan:1.1-1.2]\n>>> call stack trace \n'), []);
    assert.deepEqual(runMatcher('panc', PARSE_ENCOUNTERED), []);
  });

  it('$panc-parse reads the Encountered line after the empty line', () => {
    assert.deepEqual(runMatcher('panc-parse', PARSE_ENCOUNTERED), [{
      code: 'parse', file: 'errors/syntax_error.pan', line: '3', column: '11', endLine: '3', endColumn: '3', message: 'Encountered: ;',
    }]);
  });

  it('$panc-validation reports validation errors on the whole file', () => {
    assert.deepEqual(runMatcher('panc-validation', VALIDATION), [{
      code: 'validation', file: 'errors/validation_error.pan',
      message: "validation requires type of 'long' but element is of type 'string'",
    }]);
    assert.deepEqual(runMatcher('panc-validation', EVALUATION), []);
  });

  it('handles Windows paths with a drive letter', () => {
    const [match] = runMatcher('panc', 'evaluation error [C:\\site\\x.pan:2.3-2.9]\nboom\n');
    assert.equal(match.file, 'C:\\site\\x.pan');
    assert.equal(match.line, '2');
  });

  it('are registered as matchers under the names the task provider uses', () => {
    const names = manifest.contributes.problemMatchers.map((m: { name: string }) => `$${m.name}`);
    assert.deepEqual(names, ['$panc', '$panc-parse', '$panc-validation']);
  });
});
