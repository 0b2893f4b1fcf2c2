import type { EntityManager } from 'typeorm';
import { AuditEntry } from './audit.entity';
import type { RequestContext } from '../../common/context';

export interface AuditChange {
  entity: string;
  entityId: number | string;
  action: string;
  unitPath: string | null;
  before: unknown;
  after: unknown;
}

/** Rows per INSERT: well under SQLite's 32,766 and MySQL's 65,535 placeholders (10 columns a row). */
const CHUNK = 500;

export class AuditService {
  /** Writes the changes inside the caller's transaction: the log and the change commit together or not at all. */
  async record(m: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'>, changes: AuditChange[]): Promise<void> {
    if (!changes.length) return;
    const at = new Date();
    const rows = changes.map((c) => ({
      at,
      userId: ctx.actor?.userId ?? null,
      entity: c.entity,
      entityId: String(c.entityId),
      action: c.action,
      unitPath: c.unitPath,
      before: c.before == null ? null : JSON.stringify(c.before),
      after: c.after == null ? null : JSON.stringify(c.after),
      requestId: ctx.requestId,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await m.getRepository(AuditEntry).insert(rows.slice(i, i + CHUNK));
  }
}
