import { In, type DataSource } from 'typeorm';
import { Plan } from './plan.entity';
import { PlanIndicatorRow } from './plan-indicator.entity';
import { PlanTask } from './plan-task.entity';
import { issuerUses } from './plan-tree';
import { shiftYear, titleForYear } from './plan-update';
import { Indicator } from '../indicators/indicator.entity';
import { Unit } from '../units/unit.entity';
import { badInput } from '../../common/errors';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';

/**
 * A DRAFT copy of a plan for another year (and issuer): the rows with their numbering, floors,
 * scope, responsible units, basis, notes, fact columns, frequency and due day; the headings; the tasks; the document
 * fields but its number and date. No targets: the new year's are assigned afresh.
 */
export async function copyPlan(ds: DataSource, audit: AuditLog, ctx: AuthedContext, source: Plan, issuer: Unit, year: number): Promise<Plan> {
  const rows = await ds.getRepository(PlanIndicatorRow).find({ where: { planId: source.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
  const tasks = await ds.getRepository(PlanTask).find({ where: { planId: source.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
  const indicators = rows.length ? await ds.getRepository(Indicator).findBy({ id: In(rows.map((r) => r.indicatorId)) }) : [];
  const ownerIds = [...new Set(indicators.map((i) => i.ownerUnitId).filter((x): x is number => x !== null))];
  const owners = ownerIds.length ? await ds.getRepository(Unit).findBy({ id: In(ownerIds) }) : [];
  const ownerPath = new Map(owners.map((u) => [u.id, u.path]));
  for (const i of indicators) {
    const path = i.ownerUnitId === null ? null : (ownerPath.get(i.ownerUnitId) ?? '');
    if (!issuerUses(issuer, path)) throw badInput('indicatorNotVisible', { code: i.code });
  }

  return ds.transaction(async (m) => {
    const now = new Date();
    const plan = m.getRepository(Plan).create({
      issuerId: issuer.id,
      year,
      title: titleForYear(source.title, source.year, year),
      documentNumber: null,
      documentDate: null,
      legalBasis: source.legalBasis,
      documentKind: source.documentKind,
      signer: source.signer,
      recipientList: source.recipientList,
      headingList: source.headingList,
      status: 'DRAFT',
      subAssignmentDeadline: shiftYear(source.subAssignmentDeadline, source.year, year),
      issuedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await m.getRepository(Plan).insert(plan);
    const newRows = rows.map((r) => m.getRepository(PlanIndicatorRow).create({ ...r, id: undefined, planId: plan.id }));
    const newTasks = tasks.map((t) => m.getRepository(PlanTask).create({ ...t, id: undefined, planId: plan.id }));
    // One row at a time: the ids come back the same way on SQLite and MariaDB.
    for (const r of newRows) await m.getRepository(PlanIndicatorRow).insert(r);
    for (const t of newTasks) await m.getRepository(PlanTask).insert(t);
    await audit.record(m, ctx, [
      { entity: 'plan', entityId: plan.id, action: 'copy', unitPath: issuer.path, before: null, after: { ...plan, copiedFrom: source.id } },
      ...newRows.map((r) => ({ entity: 'plan_indicator', entityId: r.id, action: 'create', unitPath: issuer.path, before: null, after: r })),
      ...newTasks.map((t) => ({ entity: 'plan_task', entityId: t.id, action: 'create', unitPath: issuer.path, before: null, after: t })),
    ]);
    return plan;
  });
}
