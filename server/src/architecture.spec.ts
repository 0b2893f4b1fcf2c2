import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// madge ships no types: the little of its API used here.
interface MadgeResult {
  obj(): Record<string, string[]>;
  circular(): string[][];
}
type Madge = (dir: string, config: object) => Promise<MadgeResult>;
const madge = createRequire(__filename)('madge') as Madge;

const root = path.resolve(__dirname, '../..');

/** The import graph of one source tree, `import type` and lazy `import()` included: a loop through types is still a loop to the reader. */
async function cyclesIn(dir: string, tsconfig: string): Promise<string[]> {
  const graph = await madge(path.join(root, dir), {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: path.join(root, tsconfig),
    excludeRegExp: [/\.spec\.tsx?$/],
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
  // Guards against a silently empty graph (a wrong folder or tsconfig would make every check pass).
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(10);
  return graph.circular().map((cycle) => [...cycle, cycle[0]].join(' → '));
}

describe('the import graph has no cycle', () => {
  it.each([
    ['server/src', 'server/tsconfig.json'],
    ['client/src', 'client/tsconfig.json'],
    ['packages/domain/src', 'packages/domain/tsconfig.json'],
  ])('in %s', async (dir, tsconfig) => {
    expect(await cyclesIn(dir, tsconfig)).toEqual([]);
  });
});
