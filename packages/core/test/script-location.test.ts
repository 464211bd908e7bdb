/**
 * Where a compiled script looks for the recipe: relative to its own directory, computed
 * from where it is written, so it runs from any working directory and the same recipe
 * and script location give the same script on any host.
 */
import { recipeDirFromScript } from '../src';

describe('recipeDirFromScript', () => {
  it('is the recipe directory relative to the script directory', () => {
    expect(recipeDirFromScript('recipes/env/dev.yaml', { scriptDir: '/w', recipeDir: '/w/recipes/env' })).toBe('recipes/env');
    expect(recipeDirFromScript('dev.yaml', { scriptDir: '/w/recipes/env', recipeDir: '/w/recipes/env' })).toBe('.');
    expect(recipeDirFromScript('../r.yaml', { scriptDir: '/w/out/scripts', recipeDir: '/w' })).toBe('../..');
    expect(recipeDirFromScript('r/x.yaml', { scriptDir: '/tmp/a', recipeDir: '/srv/r' })).toBe('../../srv/r');
  });

  it('measures from the root and ignores doubled and trailing slashes', () => {
    expect(recipeDirFromScript('r.yaml', { scriptDir: '/', recipeDir: '/srv/r' })).toBe('srv/r');
    expect(recipeDirFromScript('r.yaml', { scriptDir: '/srv/r/', recipeDir: '/' })).toBe('../..');
    expect(recipeDirFromScript('r.yaml', { scriptDir: '//srv//a/', recipeDir: '/srv/b//' })).toBe('../b');
  });

  it('keeps a recipe given by an absolute path absolute, wherever the script is', () => {
    expect(recipeDirFromScript('/srv/recipes/./r.yaml', { scriptDir: '/tmp', recipeDir: '/srv/recipes' })).toBe('/srv/recipes');
    expect(recipeDirFromScript('/r.yaml', { scriptDir: '/tmp', recipeDir: '/' })).toBe('/');
  });

  it('keeps names that need quoting as they are (the template quotes them)', () => {
    expect(recipeDirFromScript("it's/r.yaml", { scriptDir: '/w/x\n', recipeDir: "/w/it's" })).toBe("../it's");
  });

  it('refuses a location that is not absolute (it would depend on the working directory)', () => {
    expect(() => recipeDirFromScript('r.yaml', { scriptDir: 'out', recipeDir: '/w' })).toThrow(/not an absolute path/);
    expect(() => recipeDirFromScript('r.yaml', { scriptDir: '/w', recipeDir: '.' })).toThrow(/not an absolute path/);
  });
});
