import { InitialSchema1732300000000 } from './1732300000000-initial-schema';
import { RollupIndexes1764000000000 } from './1764000000000-rollup-indexes';

/** Every migration, in order. Listed explicitly (no globs) so tests and the built server load the same set. */
export const migrations = [InitialSchema1732300000000, RollupIndexes1764000000000];
