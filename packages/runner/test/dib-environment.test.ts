/**
 * The environment `tib run` gives DIB: the inherited one minus what the plan unsets, plus
 * the plan's variables, as build.sh does with `unset` and `export`.
 */
import type { Plan } from '@tib/core';
import { dibProcessEnvironment, resolveDibEnvironment } from '../src/dib-environment';

const plan = {
  dib: {
    args: [],
    elements: [],
    environment: [{ kind: 'value', name: 'REG_METHOD', value: 'portal' }],
    unset: ['REG_AUTO_ATTACH', 'REG_POOL_ID'],
  },
  inputs: [],
} as unknown as Plan;
const paths = { cwd: '/', recipeDir: '/', outputDir: '/out', cacheDir: '/cache' };

describe('the environment DIB runs with', () => {
  it('drops inherited variables the plan unsets (an inherited REG_AUTO_ATTACH=false would still auto-attach)', () => {
    const env = resolveDibEnvironment({ plan, paths, elementsDir: '/e', secrets: new Map() });
    expect(env.unset).toEqual(['REG_AUTO_ATTACH', 'REG_POOL_ID']);
    const got = dibProcessEnvironment({ PATH: '/usr/bin', REG_AUTO_ATTACH: 'false', REG_POOL_ID: 'p', REG_METHOD: 'disable' }, env);
    expect(got).toEqual({ PATH: '/usr/bin', REG_METHOD: 'portal' });
  });
});
