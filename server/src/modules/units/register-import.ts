/**
 * `import-units FILE`: the GSO register export (danhmuchanhchinh.gso.gov.vn), CSV or XLSX, one
 * row per commune, upserted into `unit` by GSO code.
 *
 *   readRegisterRows(file)  file → string[][] (row i is spreadsheet line i + 1)   register-parse.ts
 *   parseRegister(rows)     pure: header by name, codes, kinds, consistency between rows   register-parse.ts
 *   importUnitsFile(ds, f)  both, then one transaction that creates / updates units
 *
 * A row is all or nothing: when its province, district or commune cannot be taken, nothing is
 * created or updated for it and it is reported by line number (the header is line 1).
 *
 * Parent changes are rejected, not applied: a unit that the register now places under another
 * parent has been reorganised, and that is recorded with dates (validity periods and links),
 * not by rewriting the path of a subtree whose past plans and results still roll up the old way.
 */
import { canHaveParent, foldVietnamese, isAgency, kindLevel, UNIT_KIND_LABELS } from '@chitieu/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Unit } from './unit.entity';
import { UnitsService } from './units.service';
import { AuditLog } from '../audit/audit-log';
import {
  CODE_LABEL,
  parentCodeOf,
  parseRegister,
  readRegisterRows,
  TIERS,
  type ImportReport,
  type ParsedRegister,
  type RegisterUnit,
  type RejectedRow,
  type Tier,
} from './register-parse';

export {
  normalizeCode,
  parseRegister,
  readRegisterRows,
  RegisterFileError,
  type ImportReport,
  type ParsedRegister,
  type ParsedRegisterRow,
  type RegisterUnit,
  type RejectedRow,
} from './register-parse';

// ---------------------------------------------------------------------------------------------
// Upsert

const IN_CHUNK = 1000;

interface Planned {
  tier: Tier;
  reg: RegisterUnit;
  parentCode: string | null;
  existing: Unit | null;
  action: 'create' | 'update' | 'unchanged';
  reject: string | null;
  used: boolean;
  unit: Unit | null;
}

function describeUnit(u: Unit): string {
  return `'${u.name}' (${UNIT_KIND_LABELS.en[u.kind]}, code ${u.code})`;
}

/** Valid units (validTo IS NULL) holding the given codes, loaded in chunks of IN_CHUNK. */
async function loadByCode(m: EntityManager, codes: string[]): Promise<Map<string, Unit[]>> {
  const out = new Map<string, Unit[]>();
  for (let i = 0; i < codes.length; i += IN_CHUNK) {
    const chunk = codes.slice(i, i + IN_CHUNK);
    const rows = await m.getRepository(Unit).createQueryBuilder('u').where('u.code IN (:...codes)', { codes: chunk }).andWhere('u.validTo IS NULL').getMany();
    for (const u of rows) {
      const list = out.get(u.code!) ?? [];
      list.push(u);
      out.set(u.code!, list);
    }
  }
  return out;
}

/** Parses the file and upserts it in one transaction. See the module comment for what is rejected. */
export async function importUnitsFile(ds: DataSource, file: string): Promise<ImportReport> {
  const parsed = parseRegister(await readRegisterRows(file));
  return importParsedRegister(ds, parsed);
}

export async function importParsedRegister(ds: DataSource, parsed: ParsedRegister): Promise<ImportReport> {
  const service = new UnitsService(ds, new AuditLog());
  return ds.transaction(async (m) => {
    const plans: Record<Tier, Map<string, Planned>> = { province: new Map(), district: new Map(), commune: new Map() };
    for (const r of parsed.units) {
      for (const tier of TIERS) {
        if (!plans[tier].has(r[tier].code)) {
          plans[tier].set(r[tier].code, { tier, reg: r[tier], parentCode: parentCodeOf(r, tier), existing: null, action: 'create', reject: null, used: false, unit: null });
        }
      }
    }
    const allCodes = TIERS.flatMap((t) => [...plans[t].keys()]);
    const existing = await loadByCode(m, allCodes);

    // Decide every unit before writing anything, parents first.
    for (const [t, tier] of TIERS.entries()) {
      const level = t + 1;
      for (const p of plans[tier].values()) {
        const parent = p.parentCode === null ? null : plans[TIERS[t - 1]].get(p.parentCode)!;
        if (parent?.reject) {
          p.reject = parent.reject;
          continue;
        }
        const parentKind = parent?.reg.kind ?? null;
        if (!canHaveParent(p.reg.kind, parentKind)) {
          p.reject = `'${p.reg.name}' cannot be a ${UNIT_KIND_LABELS.en[p.reg.kind]} under ${parentKind ? `a ${UNIT_KIND_LABELS.en[parentKind]}` : 'no parent'}`;
          continue;
        }
        const holders = existing.get(p.reg.code) ?? [];
        const same = holders.filter((u) => u.level === level && !isAgency(u.kind));
        if (same.length !== 1) {
          // None: created. Held by an agency, another tier or several units: nothing sensible to do.
          if (holders.length) p.reject = `${CODE_LABEL[tier]} ${p.reg.code} is already held by ${holders.map(describeUnit).join(', ')}`;
          continue;
        }
        const cur = same[0];
        p.existing = cur;
        const parentId = parent?.existing?.id ?? null;
        if ((cur.parentId ?? null) !== parentId || (parent !== null && parent.existing === null)) {
          p.reject = `${CODE_LABEL[tier]} ${p.reg.code}: ${describeUnit(cur)} has another parent in the database; import-units does not move units`;
          continue;
        }
        p.action = cur.name === p.reg.name && cur.kind === p.reg.kind ? 'unchanged' : 'update';
      }
    }

    const rejected: RejectedRow[] = [...parsed.rejected];
    for (const r of parsed.units) {
      const ps = TIERS.map((t) => plans[t].get(r[t].code)!);
      const reason = ps.find((p) => p.reject)?.reject;
      if (reason) rejected.push({ line: r.line, reason });
      else for (const p of ps) p.used = true;
    }
    rejected.sort((a, b) => a.line - b.line);

    const zero = (): [number, number, number] => [0, 0, 0];
    const byLevel = { created: zero(), updated: zero(), unchanged: zero() };
    const repo = m.getRepository(Unit);
    for (const [t, tier] of TIERS.entries()) {
      for (const p of plans[tier].values()) {
        if (!p.used) continue;
        const parent = p.parentCode === null ? null : plans[TIERS[t - 1]].get(p.parentCode)!.unit;
        if (p.action === 'create') {
          p.unit = await service.insert(m, { code: p.reg.code, name: p.reg.name, kind: p.reg.kind, parent });
          byLevel.created[t]++;
        } else if (p.action === 'update') {
          const cur = p.existing!;
          const changes = { name: p.reg.name, nameFolded: foldVietnamese(p.reg.name), kind: p.reg.kind, level: kindLevel(p.reg.kind, parent?.level) };
          await repo.update({ id: cur.id }, changes);
          Object.assign(cur, changes);
          p.unit = cur;
          byLevel.updated[t]++;
        } else {
          p.unit = p.existing;
          byLevel.unchanged[t]++;
        }
      }
    }
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    return {
      rows: parsed.rows,
      created: sum(byLevel.created),
      updated: sum(byLevel.updated),
      unchanged: sum(byLevel.unchanged),
      rejected,
      byLevel,
    };
  });
}
