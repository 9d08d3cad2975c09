import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { outputFile, pancArgs, resolveIncludeDirs, templateHeader } from '../../src/pancCommand';

describe('pancArgs', () => {
  it('builds the panc command line in panc option syntax', () => {
    assert.deepEqual(
      pancArgs({ file: '/ws/profiles/node.pan', includeDirs: ['/ws', '/ws/lib'], outputDir: '/tmp/out', formats: ['pan', 'dep'], extraArgs: ['--max-iteration', '5000'] }),
      ['--include-path', '/ws:/ws/lib', '--output-dir', '/tmp/out', '--formats', 'pan,dep', '--max-iteration', '5000', '/ws/profiles/node.pan'],
    );
  });

  it('leaves out an empty include path and format list (panc defaults apply)', () => {
    assert.deepEqual(pancArgs({ file: 'a.pan', includeDirs: [], outputDir: 'out', formats: [], extraArgs: [] }), ['--output-dir', 'out', 'a.pan']);
  });
});

describe('resolveIncludeDirs', () => {
  it('resolves relative directories against the workspace folder and keeps absolute ones', () => {
    assert.deepEqual(resolveIncludeDirs(['templates', '/opt/lib'], '/ws'), [join('/ws', 'templates'), '/opt/lib']);
  });

  it('uses the workspace folder when no include path is set', () => {
    assert.deepEqual(resolveIncludeDirs([], '/ws'), ['/ws']);
    assert.deepEqual(resolveIncludeDirs([], undefined), []);
  });
});

describe('templateHeader', () => {
  it('finds the kind and name after comments and annotations', () => {
    const text = '# object template fake;\n@{ object template not/this; }\n@maintainer{\n name = x\n}\nobject template site/node01.example.org;\n';
    assert.deepEqual(templateHeader(text), { kind: 'object', name: 'site/node01.example.org' });
  });

  it('knows every kind, ordinary included', () => {
    assert.equal(templateHeader('unique template a/b;')?.kind, 'unique');
    assert.equal(templateHeader('structure template s;')?.kind, 'structure');
    assert.equal(templateHeader('declaration   template quattor/schema ;')?.kind, 'declaration');
    assert.deepEqual(templateHeader('template plain;'), { kind: 'ordinary', name: 'plain' });
    assert.equal(templateHeader("'/a' = 1;"), undefined);
  });
});

describe('outputFile', () => {
  it('names outputs like panc: namespaced objects in subdirectories, suffix by format', () => {
    assert.equal(outputFile('/out', 'site/node01', 'json'), join('/out', 'site', 'node01.json'));
    assert.equal(outputFile('/out', 'node01', 'pan'), join('/out', 'node01.xml'));
    assert.equal(outputFile('/out', 'node01', 'text'), join('/out', 'node01.txt'));
    assert.equal(outputFile('/out', 'node01', 'dep.gz'), join('/out', 'node01.dep.gz'));
    assert.throws(() => outputFile('/out', 'n', 'txt'), /unknown panc output format 'txt'/);
  });
});
