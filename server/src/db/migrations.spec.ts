import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDataSource } from './data-source';
import { scratchDatabases } from './scratch.testing';

const { databases, drop } = await scratchDatabases('drift');
afterAll(drop);

describe.each(databases.map((d) => [d.type, d] as const))('migrations on %s', (_kind, db) => {
  it('build exactly the schema the entities describe, and are safe to run twice', async () => {
    const ds = await openDataSource(db);
    try {
      const applied = await migrate(ds);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrate(ds)).toEqual([]);
      // TypeORM's schema builder lists what synchronize would change: nothing, when they agree.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
