// The folder this package is installed in (the repo, or the action's checkout), found from this
// module's own location so that the bundled dist/ and the sources under src/ both find scripts/ and guest/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'fusefs-gate') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the fusefs-gate package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
