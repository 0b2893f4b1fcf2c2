import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/*
 * Between offices (issue #15): acknowledgements, adjustments and notifications; a figure's state
 * (DRAFT → SUBMITTED → APPROVED / RETURNED) on `result`; a plan row's reporting frequency and due
 * day; a user's mail address. Hand-written, no entity imports, safe to run again after a
 * half-finished run on MySQL (every step checks what is already done). Existing figures start
 * as DRAFT: nothing was submitted before this.
 */
const ID: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'text', isNullable });
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });

export class BetweenOffices1766000000000 implements MigrationInterface {
  name = 'BetweenOffices1766000000000';

  async up(q: QueryRunner): Promise<void> {
    if (!(await q.hasTable('acknowledgement'))) {
      await q.createTable(
        new Table({
          name: 'acknowledgement',
          columns: [ID, int('planId'), int('unitId'), int('byId'), datetime('at')],
          indices: [new TableIndex({ name: 'IDX_acknowledgement_pair', columnNames: ['planId', 'unitId'], isUnique: true })],
        }),
        true,
      );
    }
    if (!(await q.hasTable('adjustment'))) {
      await q.createTable(
        new Table({
          name: 'adjustment',
          columns: [
            ID,
            int('planId'),
            int('targetId'),
            int('unitId'),
            varchar('unitPath', 255),
            { name: 'previousValue', type: 'double', isNullable: true },
            { name: 'proposedValue', type: 'double', isNullable: false },
            text('reason'),
            varchar('state', 16),
            int('requestedById'),
            datetime('requestedAt'),
            int('decidedById', true),
            datetime('decidedAt', true),
            text('decisionNote', true),
          ],
          indices: [
            new TableIndex({ name: 'IDX_adjustment_plan_state', columnNames: ['planId', 'state'] }),
            new TableIndex({ name: 'IDX_adjustment_target', columnNames: ['targetId'] }),
          ],
        }),
        true,
      );
    }
    if (!(await q.hasTable('notification'))) {
      await q.createTable(
        new Table({
          name: 'notification',
          columns: [
            ID,
            int('userId'),
            varchar('kind', 32),
            text('params'),
            varchar('link', 255, true),
            varchar('dedupeKey', 128, true),
            datetime('createdAt'),
            datetime('readAt', true),
            datetime('mailedAt', true),
          ],
          indices: [
            new TableIndex({ name: 'IDX_notification_user', columnNames: ['userId', 'id'] }),
            new TableIndex({ name: 'IDX_notification_dedupe', columnNames: ['userId', 'dedupeKey'], isUnique: true }),
            new TableIndex({ name: 'IDX_notification_mail', columnNames: ['mailedAt'] }),
          ],
        }),
        true,
      );
    }
    await this.addMissing(q, 'result', [
      { name: 'state', type: 'varchar', length: '16', isNullable: false, default: "'DRAFT'" },
      datetime('submittedAt', true),
      int('submittedById', true),
      int('decidedById', true),
      datetime('decidedAt', true),
      text('returnReason', true),
    ]);
    await this.addMissing(q, 'plan_indicator', [varchar('frequency', 16, true), int('dueDay', true)]);
    await this.addMissing(q, 'app_user', [varchar('email', 255, true)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('app_user', 'email');
    for (const c of ['frequency', 'dueDay']) await q.dropColumn('plan_indicator', c);
    for (const c of ['state', 'submittedAt', 'submittedById', 'decidedById', 'decidedAt', 'returnReason']) await q.dropColumn('result', c);
    for (const t of ['notification', 'adjustment', 'acknowledgement']) await q.dropTable(t, true);
  }

  private async addMissing(q: QueryRunner, table: string, columns: TableColumnOptions[]): Promise<void> {
    const t = await q.getTable(table);
    if (!t) throw new Error(`table ${table} is missing: run the earlier migrations first`);
    const missing = columns.filter((c) => !t.findColumnByName(c.name)).map((c) => new TableColumn(c));
    if (missing.length) await q.addColumns(table, missing);
  }
}
