import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { allowedParentKinds, foldVietnamese, kindLevel, type UnitKind } from '@chitieu/domain';
import { Unit } from './unit.entity';
import { UnitLink } from './unit-link.entity';
import { badInput, notFound, DomainError } from '../../common/errors';
import { canSee, inSubtree, pathIds, subtreeEnd, type Actor } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';
import { isValidOn, validOn } from '../../common/validity';

export const MAX_PAGE = 1000;

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface NewUnit {
  code: string | null;
  name: string;
  kind: UnitKind;
  parent: Unit | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export class UnitsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** A unit the actor may see (its subtree or its ancestors), else NOT_FOUND: outside looks like unknown. */
  async get(ctx: AuthedContext, id: string | number): Promise<Unit> {
    const unit = await this.find(ctx, id);
    if (!unit) throw notFound('unit', id);
    return unit;
  }

  async find(ctx: AuthedContext, id: string | number): Promise<Unit | null> {
    const n = Number(id);
    if (!Number.isInteger(n) || n <= 0) return null;
    const unit = await ctx.loaders.unit.load(n);
    return unit && canSee(ctx.actor, unit.path) ? unit : null;
  }

  /** A unit inside the actor's own subtree (where it may act), else NOT_FOUND. */
  async getInSubtree(ctx: AuthedContext, id: string | number): Promise<Unit> {
    const unit = await this.find(ctx, id);
    if (!unit || !inSubtree(ctx.actor, unit.path)) throw notFound('unit', id);
    return unit;
  }

  async byCode(ctx: AuthedContext, code: string, at: string = todayIso()): Promise<Unit | null> {
    const holders = await this.ds.getRepository(Unit).createQueryBuilder('u').where('u.code = :code', { code }).getMany();
    const visible = holders.filter((u) => canSee(ctx.actor, u.path));
    const valid = visible.filter((u) => isValidOn(u, at));
    if (valid.length) return valid[0];
    // Nobody holds it on that date: the most recent holder.
    return visible.sort((a, b) => (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'))[0] ?? null;
  }

  async list(
    ctx: AuthedContext,
    args: { parentId?: string | null; kinds?: UnitKind[] | null; search?: string | null; limit: number; offset: number; at?: string | null },
  ): Promise<Unit[]> {
    if (args.limit < 0 || args.limit > MAX_PAGE) throw badInput('limit', { max: MAX_PAGE });
    if (args.offset < 0) throw badInput('offset');
    const qb = this.ds.getRepository(Unit).createQueryBuilder('u');
    const actor = ctx.actor;
    if (args.parentId != null) {
      const parent = await this.get(ctx, args.parentId);
      qb.where('u.parentId = :pid', { pid: parent.id });
      this.scopeVisible(qb, actor);
    } else if (args.search) {
      this.scopeSubtree(qb, actor);
    } else if (actor.unitId === null) {
      qb.where('u.parentId IS NULL');
    } else {
      qb.where('u.id = :id', { id: actor.unitId });
    }
    if (args.kinds?.length) qb.andWhere('u.kind IN (:...kinds)', { kinds: args.kinds });
    validOn(qb, 'u', args.at ?? todayIso());
    const search = args.search?.trim();
    if (search) {
      const folded = foldVietnamese(search);
      qb.andWhere(
        new Brackets((w) => {
          w.where(`u.nameFolded LIKE :term ESCAPE '!'`, { term: `%${escapeLike(folded)}%` }).orWhere(`u.code LIKE :prefix ESCAPE '!'`, {
            prefix: `${escapeLike(search)}%`,
          });
        }),
      );
    }
    return qb.orderBy('u.level', 'ASC').addOrderBy('u.code', 'ASC').addOrderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').take(args.limit).skip(args.offset).getMany();
  }

  private scopeSubtree(qb: { andWhere: (w: string, p?: object) => unknown }, actor: Actor): void {
    if (actor.unitPath !== null) qb.andWhere('u.path >= :lo AND u.path < :hi', { lo: actor.unitPath, hi: subtreeEnd(actor.unitPath) });
  }

  /** The actor's subtree plus its ancestors. */
  private scopeVisible(qb: { andWhere: (w: Brackets) => unknown }, actor: Actor): void {
    const path = actor.unitPath;
    if (path === null) return;
    qb.andWhere(
      new Brackets((w) => {
        w.where('u.path >= :lo AND u.path < :hi', { lo: path, hi: subtreeEnd(path) }).orWhere('u.id IN (:...anc)', { anc: pathIds(path) });
      }),
    );
  }

  /** Children valid on `at` that the actor may see. */
  async children(ctx: AuthedContext, unit: Unit, kinds: UnitKind[] | null | undefined, at: string = todayIso()): Promise<Unit[]> {
    // Through a per-request loader: `units { children { children } }` costs one statement per level, not one per parent.
    const rows = await ctx.loaders.children.load(`${unit.id}|${at}|${[...new Set(kinds ?? [])].sort().join(',')}`);
    return rows.filter((u) => canSee(ctx.actor, u.path));
  }

  /** Direct children as the tree stood on `at`, unscoped: the caller checks what it may do with each. */
  async childrenOn(parentId: number, at: string, manager: EntityManager = this.ds.manager): Promise<Unit[]> {
    const qb = manager.getRepository(Unit).createQueryBuilder('u').where('u.parentId = :pid', { pid: parentId });
    validOn(qb, 'u', at);
    return qb.orderBy('u.id', 'ASC').getMany();
  }

  /** Every unit of a subtree (the root included) valid on `at`: one range scan on the path index. */
  async subtreeOn(root: Unit, at: string | null): Promise<Unit[]> {
    const qb = this.ds
      .getRepository(Unit)
      .createQueryBuilder('u')
      .where('u.path >= :lo AND u.path < :hi', { lo: root.path, hi: subtreeEnd(root.path) });
    if (at) validOn(qb, 'u', at);
    return qb.getMany();
  }

  async ancestors(ctx: AuthedContext, unit: Unit): Promise<Unit[]> {
    const ids = pathIds(unit.path).slice(0, -1);
    const rows = await ctx.loaders.unit.loadMany(ids);
    return rows.filter((u): u is Unit => !!u && !(u instanceof Error) && canSee(ctx.actor, u.path));
  }

  async links(ctx: AuthedContext, unit: Unit, direction: 'predecessors' | 'successors'): Promise<Unit[]> {
    const [mine, theirs] = direction === 'predecessors' ? ['successorId', 'predecessorId'] : ['predecessorId', 'successorId'];
    const links = await this.ds.getRepository(UnitLink).findBy({ [mine]: unit.id });
    const rows = await ctx.loaders.unit.loadMany(links.map((l) => (l as unknown as Record<string, number>)[theirs]));
    // A visible unit's history is visible with it (names and kinds): what it was formed from may
    // lie outside today's subtree (Phú Yên's communes inside the new Đắk Lắk).
    return rows.filter((u): u is Unit => !!u && !(u instanceof Error));
  }

  async create(ctx: AuthedContext, input: { code?: string | null; name: string; kind: UnitKind; parentId?: string | null }): Promise<Unit> {
    const actor = ctx.actor;
    const parent = input.parentId != null ? await this.getInSubtree(ctx, input.parentId) : null;
    if (!parent && actor.role !== 'SYSTEM_ADMIN') throw new DomainError('FORBIDDEN', {});
    if (parent && actor.role === 'PROVINCE_ADMIN' && !inSubtree(actor, parent.path)) throw notFound('unit', input.parentId);
    return this.ds.transaction(async (m) => {
      const unit = await this.insert(m, { code: input.code?.trim() || null, name: input.name, kind: input.kind, parent });
      await this.audit.record(m, ctx, [{ entity: 'unit', entityId: unit.id, action: 'create', unitPath: unit.path, before: null, after: unit }]);
      return unit;
    });
  }

  /** Inserts a unit and maintains its path. Checks the kind's parent and the code's uniqueness. */
  async insert(m: EntityManager, input: NewUnit): Promise<Unit> {
    const name = input.name.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (!name) throw badInput('name');
    const allowed = allowedParentKinds(input.kind);
    if (allowed === null ? input.parent !== null : !input.parent || !allowed.includes(input.parent.kind)) {
      throw new DomainError('BAD_USER_INPUT', { reason: 'parentKind', kind: input.kind, parentKind: input.parent?.kind ?? null });
    }
    if (input.code) {
      const clash = await m.getRepository(Unit).createQueryBuilder('u').where('u.code = :code', { code: input.code }).andWhere('u.validTo IS NULL').getOne();
      if (clash) throw new DomainError('CONFLICT', { reason: 'code', code: input.code });
    }
    const repo = m.getRepository(Unit);
    const unit = repo.create({
      code: input.code,
      name,
      nameFolded: foldVietnamese(name),
      kind: input.kind,
      level: kindLevel(input.kind, input.parent?.level),
      parentId: input.parent?.id ?? null,
      path: '',
      depth: input.parent ? input.parent.depth + 1 : 0,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      createdAt: new Date(),
    });
    await repo.insert(unit);
    unit.path = `${input.parent?.path ?? ''}${unit.id}.`;
    await repo.update({ id: unit.id }, { path: unit.path });
    return unit;
  }
}

/** LIKE with '!' as the escape character: the one spelling SQLite and MySQL read alike. */
export function escapeLike(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}
