import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * National scale (issue "National scale, measured"). Hand-written with the QueryRunner API, no
 * entity imports, safe to run again after a half-finished run on MySQL (DDL is not transactional).
 *
 * - result.shadow: how far a recorded figure is hidden by a recorded period around it (0 none,
 *   1 by its year, 2 by its quarter). The period rule then is a filter, not a per-unit resolution:
 *   a year sums rows with shadow = 0, a quarter rows with shadow < 2, a month its own row.
 * - IDX_result_rollup becomes a covering index (indicator, period, path, shadow and the figures):
 *   a roll-up reads the index alone, never the table rows.
 */
const ROLLUP = ['indicatorId', 'period', 'unitPath', 'shadow', 'numerator', 'denominator', 'value'];

export class RollupIndexes1764000000000 implements MigrationInterface {
  name = 'RollupIndexes1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const table = await q.getTable('result');
    if (!table) throw new Error('table result is missing: run the initial migration first');
    if (!table.findColumnByName('shadow')) {
      await q.addColumn('result', new TableColumn({ name: 'shadow', type: 'integer', isNullable: false, default: 0 }));
    }
    // Rows already hidden by a recorded quarter or year (a database from before this migration).
    const containers = (await q.query(`SELECT unitId, indicatorId, period FROM result WHERE period LIKE '____-Q_' OR period LIKE '____'`)) as {
      unitId: number;
      indicatorId: number;
      period: string;
    }[];
    for (const c of containers.filter((r) => r.period.length === 4)) {
      await q.query(`UPDATE result SET shadow = 1 WHERE unitId = ? AND indicatorId = ? AND period LIKE ? AND period <> ? AND shadow = 0`, [
        c.unitId,
        c.indicatorId,
        `${c.period}-%`,
        c.period,
      ]);
    }
    for (const c of containers.filter((r) => r.period.length === 7)) {
      const y = c.period.slice(0, 4);
      const first = (Number(c.period.slice(6)) - 1) * 3 + 1;
      const months = [first, first + 1, first + 2].map((m) => `${y}-${String(m).padStart(2, '0')}`);
      await q.query(`UPDATE result SET shadow = 2 WHERE unitId = ? AND indicatorId = ? AND period IN (?, ?, ?)`, [c.unitId, c.indicatorId, ...months]);
    }
    const fresh = await q.getTable('result');
    if (fresh!.indices.some((i) => i.name === 'IDX_result_rollup')) await q.dropIndex('result', 'IDX_result_rollup');
    if (!fresh!.indices.some((i) => i.name === 'IDX_result_rollup_cover')) {
      await q.createIndex('result', new TableIndex({ name: 'IDX_result_rollup_cover', columnNames: ROLLUP }));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('result', 'IDX_result_rollup_cover');
    await q.createIndex('result', new TableIndex({ name: 'IDX_result_rollup', columnNames: ['indicatorId', 'period', 'unitPath'] }));
    await q.dropColumn('result', 'shadow');
  }
}
