import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Comparator, Measure } from '@chitieu/domain';
import { Unit } from '../units/unit.entity';
import { importParsedRegister, parseRegister } from '../units/register-import';
import { readCsvText } from '../spreadsheets/sheets';
import { importReform } from '../units/reform-import';
import { fromPackage, onlyProvinces } from '../units/reform-sources';
import { Indicator } from '../indicators/indicator.entity';
import { Plan } from '../plans/plan.entity';
import { PlanIndicatorRow } from '../plans/plan-indicator.entity';
import { ResultRow } from '../results/result.entity';
import { random } from './random';

export const REFORM_DATE = '2025-07-01';
/** From the sources (tsc copies no CSV to dist): server/src/modules/seed/data, from src or dist alike. */
const PHU_YEN_CSV = path.resolve(__dirname, '../../../src/modules/seed/data/phuyen-units.csv');
export const INDICATOR_2026 = 'DLK26-ONLINE-SUBMISSION';

/**
 * Today's Đắk Lắk beside the 2022 one: old Phú Yên is loaded, the 2025 reform applied (102
 * communes directly under the province from 1 July 2025), 2025 results recorded against the old
 * communes for January–June and the new ones for July–December, and a draft 2026 plan whose
 * cascade suggests each new commune's target from the 2025 figures of the communes it was
 * formed from.
 */
export async function seedReformDemo(ds: DataSource) {
  const now = new Date();
  const register = parseRegister(readCsvText(fs.readFileSync(PHU_YEN_CSV, 'utf8')));
  await importParsedRegister(ds, register);
  const reform = await importReform(ds, { effective: REFORM_DATE, ...onlyProvinces(fromPackage(), ['66']) });

  return ds.transaction(async (m) => {
    const province = await m.getRepository(Unit).findOneByOrFail({ code: '66', level: 1 });
    const indicator = m.getRepository(Indicator).create({
      code: INDICATOR_2026,
      name: 'Tỷ lệ hồ sơ được nộp bằng hình thức trực tuyến',
      measure: 'RATE' as Measure,
      comparator: 'AT_LEAST' as Comparator,
      unitOfMeasure: '%',
      numeratorLabel: 'Số hồ sơ được nộp dưới hình thức trực tuyến',
      denominatorLabel: 'Tổng số hồ sơ đã giải quyết của các TTHC',
      hardMinimum: null,
      legalBasis: 'Nghị quyết số 202/2025/QH15 (sắp xếp đơn vị hành chính); Kế hoạch năm 2024 của UBND tỉnh',
      notes: 'Chỉ tiêu minh họa cho năm 2026, sau sắp xếp đơn vị hành chính hai cấp.',
      scoring: null,
      ownerUnitId: province.id,
      createdAt: now,
    });
    await m.getRepository(Indicator).insert(indicator);
    const plan = m.getRepository(Plan).create({
      issuerId: province.id,
      year: 2026,
      title: 'Giao chỉ tiêu nộp hồ sơ trực tuyến năm 2026 cho các xã, phường',
      documentNumber: null,
      documentDate: null,
      legalBasis: indicator.legalBasis,
      status: 'DRAFT',
      subAssignmentDeadline: '2026-03-31',
      issuedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await m.getRepository(Plan).insert(plan);
    await m.getRepository(PlanIndicatorRow).insert({
      planId: plan.id,
      indicatorId: indicator.id,
      section: 'I',
      position: '1',
      floors: [
        { kind: 'WARD', value: 60 },
        { kind: 'COMMUNE', value: 40 },
        { kind: 'SPECIAL_ZONE', value: 40 },
      ],
      sortOrder: 0,
    });

    // 2025: old communes (both provinces) report January–June, new ones July–December.
    const communes = await m.getRepository(Unit).createQueryBuilder('u').where('u.level = 3').getMany();
    const rnd = random(2025);
    const rows: Partial<ResultRow>[] = [];
    for (const u of communes) {
      const months = u.validTo === '2025-06-30' ? [1, 2, 3, 4, 5, 6] : u.validFrom === REFORM_DATE ? [7, 8, 9, 10, 11, 12] : [];
      const level = u.kind === 'WARD' ? 70 : 45;
      for (const month of months) {
        const denominator = Math.round(30 * (0.5 + rnd()));
        const numerator = Math.round((denominator * Math.min(100, Math.max(0, level + (rnd() - 0.5) * 40))) / 100);
        rows.push({
          unitId: u.id,
          indicatorId: indicator.id,
          period: `2025-${String(month).padStart(2, '0')}`,
          unitPath: u.path,
          numerator,
          denominator,
          value: denominator ? (100 * numerator) / denominator : null,
          source: 'IMPORT',
          updatedById: null,
          updatedAt: now,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500) await m.getRepository(ResultRow).insert(rows.slice(i, i + 500));
    return { newCommunes: reform.communes.created, links: reform.links.created, results2025: rows.length };
  });
}
