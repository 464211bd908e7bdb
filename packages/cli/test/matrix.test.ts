/**
 * `tib matrix` says why for every "no" and names the conditions of every conditional
 * "yes" of the native model (a Trove ≤ 13 agent and controller), version by version.
 */
import { runCli } from './support/run-cli';

describe('tib matrix', () => {
  it('marks conditional versions and lists their conditions; refused versions say why', async () => {
    const r = await runCli(['matrix']);
    expect(r.code).toBe(0);
    const line = (ds: string) => r.stdout.split('\n').find((l) => new RegExp(`^${ds} +native `).test(l)) ?? '';
    // MariaDB 10.5 on bullseye runs only with tib's image fix; 10.6 on CentOS 7 does not run.
    expect(line('mariadb')).toMatch(/ 10\.5\[c\d+\] /);
    expect(line('mariadb')).toMatch(/ 10\.4 10\.6:no\[\d+\] /);
    // PostgreSQL: every version needs tib's template, 13 and later also lose backups.
    expect(line('postgresql')).toMatch(/ 12\[c\d+\] /);
    expect(line('postgresql')).toMatch(/ 13\[c\d+,c\d+\] /);
    expect(r.stdout).toMatch(/^ {2}\[c\d+\] needs tib's PostgreSQL configuration template on the controller \(template_path\)/m);
    expect(r.stdout).toMatch(/^ {2}\[c\d+\] with tib's image-side fix: MariaDB ≥ 10\.5 runs as mariadbd/m);
    // MySQL 8.0: never offered, with the reason.
    const refused = /8\.0:no\[(\d+)\]/.exec(line('mysql'));
    expect(refused).not.toBeNull();
    expect(r.stdout).toMatch(
      new RegExp(`^ {2}\\[${refused?.[1] ?? ''}\\] the Trove ≤ 13 agent sets root's password with SET PASSWORD`, 'm'),
    );
  });

  it('--json carries the notes of each version', async () => {
    const json = JSON.parse((await runCli(['matrix', '--json'])).stdout) as {
      datastore: string;
      release: string;
      model: string;
      versionNotes?: { version: string; kind: string; text: string }[];
    }[];
    const maria = json.find((x) => x.datastore === 'mariadb' && x.release === 'bullseye' && x.model === 'native');
    expect(maria?.versionNotes?.[0]).toMatchObject({ version: '10.5', kind: 'condition' });
  });
});
