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
