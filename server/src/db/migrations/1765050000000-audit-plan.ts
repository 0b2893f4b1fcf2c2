import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * Issue #11, class 4: a draft plan's history leaked through `auditLog`. Each entry now carries
 * the plan of the row it is about (`planId`, null outside plans), so the log is filtered in SQL
 * by who may read that plan. Existing entries are backfilled the way AuditService derives it
 * (audit-plan.ts): a plan is its own plan, any other row carries `planId` in its JSON snapshot.
 * JSON_EXTRACT is spelled alike in SQLite (JSON1, built into better-sqlite3) and MariaDB/MySQL;
 * backticks quote `before` (reserved in MySQL) in both. Hand-written, no entity imports, safe
 * to run again after a half-finished run on MySQL (every step checks what is already done).
 */
export class AuditPlan1765050000000 implements MigrationInterface {
  name = 'AuditPlan1765050000000';

  async up(q: QueryRunner): Promise<void> {
    const table = await q.getTable('audit_log');
    if (!table) throw new Error('table audit_log is missing: run the initial migration first');
    if (!table.findColumnByName('planId')) {
      await q.addColumn('audit_log', new TableColumn({ name: 'planId', type: 'integer', isNullable: true }));
    }
    await q.query(`UPDATE audit_log SET planId = entityId WHERE planId IS NULL AND entity = 'plan'`);
    const snapshot = 'COALESCE(`after`, `before`)';
    await q.query(
      `UPDATE audit_log SET planId = JSON_EXTRACT(${snapshot}, '$.planId')
       WHERE planId IS NULL AND entity <> 'plan' AND ${snapshot} LIKE '%"planId":%' AND JSON_EXTRACT(${snapshot}, '$.planId') > 0`,
    );
    const fresh = await q.getTable('audit_log');
    if (!fresh!.indices.some((i) => i.name === 'IDX_audit_log_plan')) {
      await q.createIndex('audit_log', new TableIndex({ name: 'IDX_audit_log_plan', columnNames: ['planId'] }));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_log', 'IDX_audit_log_plan');
    await q.dropColumn('audit_log', 'planId');
  }
}
