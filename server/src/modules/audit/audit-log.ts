import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { recordAuditRows } from '../results/bulk';

export interface AuditChange {
  entity: string;
  entityId: number | string;
  action: string;
  unitPath: string | null;
  before: unknown;
  after: unknown;
  /** The plan the row belongs to; derived from the change when omitted (auditPlanId). */
  planId?: number | null;
}

/**
 * The audit writer, apart from the reader (AuditService): every service that writes records
 * through it, and it needs nothing, so units can write their log while the reader scopes by units.
 */
export class AuditLog {
  /**
   * Writes the changes inside the caller's transaction: the log and the change commit together or
   * not at all. Multi-row INSERTs written out (results/bulk.ts): an import of 100,000 figures
   * writes as many entries, and TypeORM's insert builder spent seconds of the event loop on them.
   */
  async record(m: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'>, changes: AuditChange[]): Promise<void> {
    await recordAuditRows(m, ctx, changes);
  }
}
