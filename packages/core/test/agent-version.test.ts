import { upstreamVersion } from '../src/plan/agent-version';
import { compilePlan, memoryHost } from '../src';

describe('upstreamVersion', () => {
  test.each([
    ['1:23.0.0-2', '23.0.0'],
    ['2:17.0.0-0ubuntu1.1', '17.0.0'],
    ['1:13.0.0-0ubuntu0.20.04.1', '13.0.0'],
    ['18.0.0', '18.0.0'],
    ['18.0.0-1', '18.0.0'],
  ])('%s → %s', (debian, upstream) => expect(upstreamVersion(debian)).toBe(upstream));
});

describe("the plan names the agent's version as the recipe pins it", () => {
  const planFor = (yaml: string) => {
    const r = compilePlan(
      { recipePath: 'r.yaml', elementsDir: '/none', tibVersion: '0.0.0', set: [], mode: 'validate' },
      memoryHost({ 'r.yaml': yaml }),
    );
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return r.plan;
  };
  test.each([
    [
      'debian trixie package',
      'base: { distro: debian, release: trixie }\ndatastore: { type: mariadb, version: "11.8", image: packages }\nguestagent: { source: package }',
      '23.0.0',
    ],
    [
      'debian bookworm package',
      'base: { distro: debian, release: bookworm }\ndatastore: { type: mariadb, version: "10.11" }\nguestagent: { source: package }',
      '18.0.0',
    ],
    [
      'git tag',
      'base: { distro: debian, release: bookworm }\ndatastore: { type: mariadb, version: "10.11" }\nguestagent: { source: git, repo: "https://opendev.org/openstack/trove", ref: 18.0.0 }',
      '18.0.0',
    ],
    [
      'git branch',
      'base: { distro: debian, release: bookworm }\ndatastore: { type: mariadb, version: "10.11" }\nguestagent: { source: git, repo: "https://opendev.org/openstack/trove", ref: stable/2023.1 }',
      '19.x',
    ],
  ])('%s', (_, body, version) => {
    expect(planFor(`tib: 1\nname: v\n${body}\n`).agent.troveVersion).toBe(version);
  });
});
