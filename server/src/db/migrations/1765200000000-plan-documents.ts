import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * Issue #13, plans as the documents write them: whose figure a row is judged on (scope), lead and
 * coordinating units as { text, unitId, kinds } on rows and tasks, a row's own legal basis, note
 * and fact columns, the plan's document fields (kind, signer, recipients, headings), per-unit facts
 * on targets, and cumulative indicators. Headings of any length: `section` widens to 255.
 * Tasks' `leads` / `coordinators` (JSON lists of words) become `lead` / `coordinating` (JSON lists
 * of { text, unitId: null, kinds: [] }), converted in place. Hand-written, no entity imports,
 * safe to run again after a half-finished run on MySQL (every step checks what is already done).
 */
export class PlanDocuments1765200000000 implements MigrationInterface {
  name = 'PlanDocuments1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const text = (name: string): TableColumn => new TableColumn({ name, type: 'text', isNullable: true });
    await this.addMissing(q, 'indicator', [new TableColumn({ name: 'accumulation', type: 'varchar', length: '16', isNullable: false, default: "'PERIODIC'" })]);
    await this.addMissing(q, 'plan', [
      new TableColumn({ name: 'documentKind', type: 'varchar', length: '16', isNullable: true }),
      text('signer'),
      text('recipientList'),
      text('headingList'),
    ]);
    await this.addMissing(q, 'plan_indicator', [
      new TableColumn({ name: 'scope', type: 'varchar', length: '8', isNullable: false, default: "'SUBTREE'" }),
      text('lead'),
      text('coordinating'),
      text('legalBasis'),
      text('note'),
      text('factLabels'),
    ]);
    await this.addMissing(q, 'target', [text('facts')]);

    const rows = await q.getTable('plan_indicator');
    const section = rows!.findColumnByName('section')!;
    if (section.length !== '255') {
      await q.changeColumn('plan_indicator', 'section', new TableColumn({ name: 'section', type: 'varchar', length: '255', isNullable: true }));
    }

    const tasks = await q.getTable('plan_task');
    if (tasks!.findColumnByName('leads')) {
      const old = (await q.query('SELECT id, leads, coordinators FROM plan_task')) as { id: number; leads: string; coordinators: string }[];
      for (const t of old) {
        await q.query('UPDATE plan_task SET leads = ?, coordinators = ? WHERE id = ?', [responsibles(t.leads), responsibles(t.coordinators), t.id]);
      }
      await q.renameColumn('plan_task', 'leads', 'lead');
    }
    if ((await q.getTable('plan_task'))!.findColumnByName('coordinators')) await q.renameColumn('plan_task', 'coordinators', 'coordinating');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.renameColumn('plan_task', 'lead', 'leads');
    await q.renameColumn('plan_task', 'coordinating', 'coordinators');
    await q.changeColumn('plan_indicator', 'section', new TableColumn({ name: 'section', type: 'varchar', length: '32', isNullable: true }));
    for (const c of ['facts']) await q.dropColumn('target', c);
    for (const c of ['scope', 'lead', 'coordinating', 'legalBasis', 'note', 'factLabels']) await q.dropColumn('plan_indicator', c);
    for (const c of ['documentKind', 'signer', 'recipientList', 'headingList']) await q.dropColumn('plan', c);
    await q.dropColumn('indicator', 'accumulation');
  }

  private async addMissing(q: QueryRunner, table: string, columns: TableColumn[]): Promise<void> {
    const t = await q.getTable(table);
    if (!t) throw new Error(`table ${table} is missing: run the initial migration first`);
    const missing = columns.filter((c) => !t.findColumnByName(c.name));
    if (missing.length) await q.addColumns(table, missing);
  }
}

/** A JSON list of words → a JSON list of { text, unitId: null, kinds: [] }; already converted lists are kept. */
function responsibles(json: string): string {
  const list = JSON.parse(json || '[]') as unknown[];
  return JSON.stringify(list.map((x) => (typeof x === 'string' ? { text: x, unitId: null, kinds: [] } : x)));
}
