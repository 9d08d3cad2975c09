/** package.json contributions point at files that exist and commands that exist. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RESTART_SETTINGS } from '../../src/settings';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

describe('package.json', () => {
  it('declares limited support of untrusted workspaces, keeping workspace values of program settings out', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.match(untrusted.description, /never a program from the workspace/);
    for (const setting of RESTART_SETTINGS) {
      assert.ok(untrusted.restrictedConfigurations.includes(setting), setting);
    }
    assert.ok(untrusted.restrictedConfigurations.includes('pan.compile.extraArgs'));
  });

  it('gives pan files an icon and the "show profile" title button an icon', () => {
    const { icon } = contributes.languages[0];
    assert.ok(existsSync(join(root, icon.light)) && existsSync(join(root, icon.dark)));
    const showProfile = contributes.commands.find((c: { command: string }) => c.command === 'pan.showProfile');
    assert.match(showProfile.icon, /^\$\([a-z-]+\)$/);
    assert.ok(contributes.menus['editor/title'].some((m: { command: string }) => m.command === 'pan.showProfile'));
  });

  it('has snippets for pan', () => {
    assert.deepEqual(contributes.snippets, [{ language: 'pan', path: './snippets/pan.json' }]);
    assert.ok(Object.keys(JSON.parse(readFileSync(join(root, 'snippets', 'pan.json'), 'utf8'))).length >= 8);
  });

  it('has a walkthrough whose media exist and whose commands are real', () => {
    const [walkthrough] = contributes.walkthroughs;
    const ids = walkthrough.steps.map((s: { id: string }) => s.id);
    assert.deepEqual(ids, ['pan.openSite', 'pan.setIncludePath', 'pan.compileProfile', 'pan.debugProfile']);
    const own = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(own.has(command) || !command.startsWith('pan.'), command);
      }
      assert.ok(step.completionEvents.length > 0);
    }
    assert.ok(walkthrough.steps[1].completionEvents.includes('onSettingChanged:pan.includePath'));
  });
});
