/** Files of the boot test: the config drive ISO, the console log kept on failure. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { haveTool, MissingToolError, runTool } from '../exec';

const MIN = 60_000;

/** Writes the config drive's files and makes it an ISO. */
export async function writeConfigDrive(layout: ReadonlyMap<string, string>, dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const tree = path.join(dir, 'config-drive');
  for (const [rel, content] of layout) {
    fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    fs.writeFileSync(path.join(tree, rel), content);
  }
  const iso = path.join(dir, 'config-drive.iso');
  await makeIso(tree, iso, env);
  return iso;
}

/** Nova's config drive: ISO 9660 with Rock Ridge and Joliet, volume label config-2. */
export async function makeIso(tree: string, iso: string, env: NodeJS.ProcessEnv): Promise<void> {
  for (const tool of ['genisoimage', 'mkisofs', 'xorrisofs']) {
    if (await haveTool(tool, env)) {
      await runTool(tool, ['-quiet', '-o', iso, '-V', 'config-2', '-r', '-J', tree], { timeoutMs: MIN, env });
      return;
    }
  }
  throw new MissingToolError('no ISO tool to write the config drive (apt install genisoimage)');
}

export function keepConsole(from: string, to: string, log: (l: string) => void): string | undefined {
  try {
    fs.copyFileSync(from, to);
    log(`the boot failed: console log saved as ${to}`);
    return to;
  } catch (err) {
    log(`could not save the console log as ${to}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
