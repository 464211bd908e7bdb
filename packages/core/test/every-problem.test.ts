/**
 * "Every problem at once": a value the schema refuses is taken out and the domain rules
 * judge the rest in the same run, so a user does not fix the schema's findings only to
 * meet the rules' in a second round.
 */
import { BASE_RECIPE, validateObject, with_, without } from './helpers';
import { rhel9 } from './rules/fixtures';

const found = (recipe: Parameters<typeof validateObject>[0]) =>
  validateObject(recipe)
    .map((d) => `${d.code}@${(d.path ?? []).join('.')}`)
    .sort();

describe('schema errors and rule findings in one run', () => {
  it.each([
    [
      'a bad variable name beside a variable tib controls',
      with_(BASE_RECIPE, { environment: { 'not a name': 'x', DIB_RELEASE: 'trixie' } }),
      ['TIB2005@environment.not a name', 'TIB3023@environment.DIB_RELEASE'],
    ],
    [
      'a malformed version beside a RHEL recipe without its base image',
      with_(without(rhel9, 'base.image'), { datastore: { version: '8.0 beta' } }),
      ['TIB2005@datastore.version', 'TIB3021@base'],
    ],
    [
      'an unknown key beside a private key',
      with_(BASE_RECIPE, { sytem: {}, environment: { K: '-----BEGIN RSA PRIVATE KEY-----' } }),
      ['TIB2001@sytem', 'TIB3014@environment.K'],
    ],
    [
      'a refused list item takes its list out; the rest is still judged',
      with_(BASE_RECIPE, { system: { packages: ['htop', 'bad pkg'] }, environment: { LD_PRELOAD: '/x.so' } }),
      ['TIB2005@system.packages.1', 'TIB3039@environment.LD_PRELOAD'],
    ],
  ])('%s', (_what, recipe, expected) => {
    expect(found(recipe)).toEqual(expected);
  });

  it('a finding that only repeats a refused value is left out', () => {
    // The literal password is refused; "portal needs user + password" would say it again.
    const recipe = with_(rhel9, { rhel: { subscription: { method: 'portal', user: 'u', password: 'hunter2' } } });
    expect(found(recipe).filter((c) => c.startsWith('TIB3025'))).toEqual([]);
    expect(found(recipe)).toContain('TIB2008@rhel.subscription.password');
  });

  it('without a required key the shape is unknown: the schema speaks alone', () => {
    const recipe = with_(without(BASE_RECIPE, 'guestagent'), { environment: { LD_PRELOAD: '/x.so' } });
    expect(found(recipe)).toEqual(['TIB2002@']);
  });
});
