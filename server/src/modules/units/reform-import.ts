/**
 * The 2025 reform (Resolution 202/2025/QH15): a two-tier register (provinces and their
 * communes, no districts) and a mapping of old communes to new ones, applied on an effective
 * date E. Nothing is moved or rewritten: old units end on E − 1, new ones start on E, and
 * predecessor → successor links record what became what, so plans and figures of earlier years
 * keep the tree of their own time.
 *
 * - A province whose code is in the new register and holds now continues (Đắk Lắk keeps its id);
 *   its district-level units (with their communes and offices) end on E − 1.
 * - A province the mappings name as an old one that does not continue (Phú Yên) ends on E − 1,
 *   with the province its communes went into as successor.
 * - Every commune of the new register is a new unit under its province from E (the register
 *   reuses codes: the new Phường Buôn Ma Thuột keeps 24133 of the old Phường Thành Công).
 * - Each mapping row links an old commune to a new one; rows with a blank or "null" old code,
 *   or whose new code is not in the register, are rejected with their line.
 * Re-running the same import changes nothing. One transaction.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { DISTRICT_LEVEL_KINDS, foldVietnamese, splitKindPrefix, type UnitKind } from '@chitieu/domain';
import { Unit } from './unit.entity';
import { UnitLink } from './unit-link.entity';
import { UnitsService } from './units.service';
import { subtreeEnd } from '../../common/scope';
import { isIsoDate } from '../../common/scalars';
import type { RejectedRow } from './register-import';
import { AuditLog } from '../audit/audit-log';
import { isValidOn, validOn } from '../../common/validity';

export interface ReformProvince {
  code: string;
  name: string;
  kind: UnitKind;
}

export interface ReformCommune {
  code: string;
  name: string;
  kind: UnitKind;
  provinceCode: string;
}

export interface ReformMapping {
  line: number;
  oldCode: string | null;
  oldName: string | null;
  oldProvince: string | null;
  newCode: string | null;
}

export interface ReformInput {
  effective: string;
  provinces: ReformProvince[];
  communes: ReformCommune[];
  mappings: ReformMapping[];
}

export interface ReformReport {
  provinces: { created: number; continued: number; unchanged: number; ended: number };
  districtsEnded: number;
  communes: { created: number; unchanged: number; ended: number };
  links: { created: number; unchanged: number; oldUnitNotFound: number };
  rejected: RejectedRow[];
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Province names as the package writes them ("Đắk Lắk", "Thành phố Hà Nội") with their kind. */
export function provinceFromRegister(code: string, name: string, placeType: string): ReformProvince {
  const municipality = /trung\s*uong/i.test(foldVietnamese(placeType));
  const { kind } = splitKindPrefix(name);
  const full = kind ? name : `${municipality ? 'Thành phố' : 'Tỉnh'} ${name}`;
  return { code, name: full.normalize('NFC'), kind: municipality ? 'MUNICIPALITY' : 'PROVINCE' };
}

/** A commune's kind from its name's prefix: Phường → WARD, Xã → COMMUNE, Đặc khu → SPECIAL_ZONE. */
export function communeKind(name: string): UnitKind | null {
  const { kind } = splitKindPrefix(name);
  return kind === 'WARD' || kind === 'COMMUNE' || kind === 'SPECIAL_ZONE' || kind === 'TOWNSHIP' ? kind : null;
}

export async function importReform(ds: DataSource, input: ReformInput): Promise<ReformReport> {
  if (!isIsoDate(input.effective)) throw new Error(`the effective date must be YYYY-MM-DD, not "${input.effective}"`);
  const E = input.effective;
  const D = dayBefore(E);
  const units = new UnitsService(ds, new AuditLog());
  return ds.transaction(async (m) => {
    const repo = m.getRepository(Unit);
    const report: ReformReport = {
      provinces: { created: 0, continued: 0, unchanged: 0, ended: 0 },
      districtsEnded: 0,
      communes: { created: 0, unchanged: 0, ended: 0 },
      links: { created: 0, unchanged: 0, oldUnitNotFound: 0 },
      rejected: [],
    };
    const endSubtree = async (u: Unit): Promise<number> => {
      const res = await m
        .createQueryBuilder()
        .update(Unit)
        .set({ validTo: D })
        .where('path >= :lo AND path < :hi AND validTo IS NULL', { lo: u.path, hi: subtreeEnd(u.path) })
        .execute();
      return res.affected ?? 0;
    };
    const level1 = await repo.createQueryBuilder('u').where('u.level = 1 AND u.parentId IS NULL').getMany();

    // 1. Provinces of the new register: continuing (held on E − 1) or new from E.
    const provinceByCode = new Map<string, Unit>();
    const continuing: Unit[] = [];
    for (const p of input.provinces) {
      const holders = level1.filter((u) => u.code === p.code);
      const held = holders.find((u) => isValidOn(u, D) && (!u.validTo || u.validTo >= E));
      const created = holders.find((u) => u.validFrom === E);
      if (held) {
        provinceByCode.set(p.code, held);
        continuing.push(held);
        report.provinces.continued++;
      } else if (created) {
        provinceByCode.set(p.code, created);
        report.provinces.unchanged++;
      } else {
        provinceByCode.set(p.code, await units.insert(m, { code: p.code, name: p.name, kind: p.kind, parent: null, validFrom: E }));
        report.provinces.created++;
      }
    }

    // 2. Continuing provinces lose their district level (with everything under it).
    for (const province of continuing) {
      const districts = await repo
        .createQueryBuilder('u')
        .where('u.parentId = :pid AND u.kind IN (:...kinds) AND u.validTo IS NULL', { pid: province.id, kinds: DISTRICT_LEVEL_KINDS })
        .getMany();
      for (const d of districts) {
        await endSubtree(d);
        report.districtsEnded++;
      }
    }

    // 3. Check the mapping rows; provinces merged away end, with their successor recorded.
    const newCodes = new Map(input.communes.map((c) => [c.code, c]));
    const good: (ReformMapping & { oldCode: string; newCode: string })[] = [];
    for (const row of input.mappings) {
      const old = row.oldCode?.trim();
      if (!old || old.toLowerCase() === 'null' || !/^\d{5}$/.test(old)) {
        report.rejected.push({ line: row.line, reason: `old commune code is ${old ? `'${old}'` : 'blank'}` });
      } else if (!row.newCode || !newCodes.has(row.newCode)) {
        report.rejected.push({ line: row.line, reason: `new commune code '${row.newCode ?? ''}' is not in the register` });
      } else good.push({ ...row, oldCode: old, newCode: row.newCode });
    }
    const continuingIds = new Set(continuing.map((u) => u.id));
    const mergedAway = new Map<number, { unit: Unit; into: Unit }>();
    for (const row of good) {
      if (!row.oldProvince) continue;
      const name = foldVietnamese(row.oldProvince);
      const old = level1.find((u) => foldVietnamese(u.name) === name && isValidOn(u, D) && !continuingIds.has(u.id) && u.validFrom !== E);
      const into = provinceByCode.get(newCodes.get(row.newCode)!.provinceCode);
      if (old && into && old.id !== into.id && !mergedAway.has(old.id)) mergedAway.set(old.id, { unit: old, into });
    }
    for (const { unit, into } of mergedAway.values()) {
      if (await endSubtree(unit)) report.provinces.ended++;
      await link(m, unit.id, into.id, E, report);
    }

    // 4. Old communes named by the mappings end (already, mostly, with their district).
    const oldUnits = await loadHolding(m, [...new Set(good.map((g) => g.oldCode))], D);
    for (const u of oldUnits.values()) {
      if (!u.validTo) {
        await repo.update({ id: u.id }, { validTo: D });
        u.validTo = D;
        report.communes.ended++;
      }
    }

    // 5. New communes under their provinces, from E.
    const existingNew = await repo.createQueryBuilder('u').where('u.validFrom = :e AND u.level = 3', { e: E }).getMany();
    const newByCode = new Map(existingNew.map((u) => [u.code!, u]));
    for (const c of input.communes) {
      const province = provinceByCode.get(c.provinceCode);
      if (!province) {
        report.rejected.push({ line: 0, reason: `commune ${c.code} '${c.name}': province ${c.provinceCode} is not in the register` });
        continue;
      }
      const found = newByCode.get(c.code);
      if (found && found.parentId === province.id) {
        report.communes.unchanged++;
        continue;
      }
      newByCode.set(c.code, await units.insert(m, { code: c.code, name: c.name, kind: c.kind, parent: province, validFrom: E }));
      report.communes.created++;
    }

    // 6. Links old → new, one per mapping row.
    for (const row of good) {
      const old = oldUnits.get(row.oldCode);
      const now = newByCode.get(row.newCode);
      if (!old || !now) {
        report.links.oldUnitNotFound++;
        continue;
      }
      await link(m, old.id, now.id, E, report);
    }
    report.rejected.sort((a, b) => a.line - b.line);
    return report;
  });
}

async function link(m: EntityManager, predecessorId: number, successorId: number, effectiveDate: string, report: ReformReport) {
  const repo = m.getRepository(UnitLink);
  if (await repo.findOneBy({ predecessorId, successorId })) report.links.unchanged++;
  else {
    await repo.insert({ predecessorId, successorId, effectiveDate });
    report.links.created++;
  }
}

/** Communes (level 3) holding each code on `day`, chunked. */
async function loadHolding(m: EntityManager, codes: string[], day: string): Promise<Map<string, Unit>> {
  const out = new Map<string, Unit>();
  for (let i = 0; i < codes.length; i += 1000) {
    const qb = m
      .getRepository(Unit)
      .createQueryBuilder('u')
      .where('u.code IN (:...codes) AND u.level = 3', { codes: codes.slice(i, i + 1000) });
    const rows = await validOn(qb, 'u', day).getMany();
    for (const u of rows) out.set(u.code!, u);
  }
  return out;
}
