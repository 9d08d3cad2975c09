import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const config = JSON.parse(readFileSync(join(__dirname, '..', '..', 'language-configuration.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('language configuration', () => {
  it('is the configuration of the pan language, for .pan and .tpl files', () => {
    const [language] = manifest.contributes.languages;
    assert.deepEqual([language.id, language.extensions, language.configuration], ['pan', ['.pan', '.tpl'], './language-configuration.json']);
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
  });

  it('indents after an open bracket, not after one in a comment, and dedents on a closing one', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test("'/software/components/x' = dict("));
    assert.ok(increase.test('type t = {   # a record'));
    assert.ok(increase.test("variable L = list(["));
    assert.ok(!increase.test("# see '/a' = dict("));
    assert.ok(!increase.test("'/a' = dict('k', 1);"));
    assert.ok(decrease.test('  };'));
    assert.ok(decrease.test(');'));
    assert.ok(!decrease.test("'/a' = 1;"));
  });

  it('auto-closes brackets and quotes (quotes not inside strings or comments)', () => {
    const pairs = Object.fromEntries(config.autoClosingPairs.map((p: { open: string; close: string }) => [p.open, p.close]));
    assert.deepEqual(pairs, { '{': '}', '[': ']', '(': ')', "'": "'", '"': '"' });
    const quote = config.autoClosingPairs.find((p: { open: string }) => p.open === "'");
    assert.deepEqual(quote.notIn, ['string', 'comment']);
  });

  it('folds between # region and # endregion markers', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('# region network'));
    assert.ok(new RegExp(config.folding.markers.end).test('  #endregion'));
    assert.ok(!new RegExp(config.folding.markers.start).test("'/region' = 1;"));
  });
});

/** The word VS Code selects on a double-click at `column` (its getWordAtText: the match containing it). */
function wordAt(line: string, column: number): string | undefined {
  const pattern = new RegExp(config.wordPattern, 'g');
  for (const match of line.matchAll(pattern)) {
    if (match.index! <= column && column <= match.index! + match[0].length) {
      return match[0];
    }
  }
  return undefined;
}

describe('word pattern', () => {
  it('selects a whole template name, wherever the cursor is in it', () => {
    const line = "include 'quattor/functions/network';";
    assert.equal(wordAt(line, line.indexOf('functions') + 2), 'quattor/functions/network');
    assert.equal(wordAt(line, line.indexOf('quattor')), 'quattor/functions/network');
    assert.equal(wordAt("include 'os/el7.x86_64-repos';", 12), 'os/el7.x86_64-repos');
    assert.equal(wordAt('object template profiles/node01;', 20), 'profiles/node01');
  });

  it('selects a whole profile path with its leading slash', () => {
    const line = "'/software/components/metaconfig/active' = true;";
    assert.equal(wordAt(line, line.indexOf('metaconfig')), '/software/components/metaconfig/active');
  });

  it('keeps identifiers, numbers and expressions apart', () => {
    assert.equal(wordAt('variable FULL_HOSTNAME = x-1;', 12), 'FULL_HOSTNAME');
    assert.equal(wordAt('x = a-b;', 4), 'a');
    assert.equal(wordAt('x = a-b;', 6), 'b');
    assert.equal(wordAt('port = 8080;', 9), '8080');
    assert.equal(wordAt('nlist(key, value)', 7), 'key');
  });
});

describe('on enter', () => {
  const rules = config.onEnterRules as { beforeText: string; afterText?: string; action: { indent: string; appendText?: string } }[];
  /** The action of the first rule that applies, as VS Code picks it. */
  function onEnter(before: string, after: string): { indent: string; appendText?: string } | undefined {
    return rules.find((r) => new RegExp(r.beforeText).test(before) && (!r.afterText || new RegExp(r.afterText).test(after)))?.action;
  }

  it('continues a comment that is split', () => {
    assert.deepEqual(onEnter('# a long ', 'comment'), { indent: 'none', appendText: '# ' });
    assert.equal(onEnter('# a comment', ''), undefined);
  });

  it('indents the body of an annotation, and puts its closing brace back', () => {
    assert.deepEqual(onEnter('@documentation{', ''), { indent: 'indent' });
    assert.deepEqual(onEnter('@documentation{', '}'), { indent: 'indentOutdent' });
    assert.deepEqual(onEnter('  @{', ''), { indent: 'indent' });
    assert.equal(onEnter("'/a' = 1;", ''), undefined);
  });

  it('indents the line after a dangling "with", "=", "&&" or "||"', () => {
    const next = new RegExp(config.indentationRules.indentNextLinePattern);
    assert.ok(next.test('type port = long with'));
    assert.ok(next.test("'/system/network/hostname' ="));
    assert.ok(next.test('    x > 0 &&'));
    assert.ok(!next.test("'/a' = 1;"));
    assert.ok(!next.test('    SELF =='));
    assert.ok(!next.test('# ends with ='));
  });
});
