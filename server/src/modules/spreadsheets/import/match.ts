/**
 * Stage 2, match units: each line's unit, by code when the line has one, else by name, among the
 * units of the plan's tree (as it stood on the plan's tree date) inside the caller's subtree. A
 * line naming a unit of the tree outside that subtree is NOT_IN_SCOPE; several candidates,
 * UNIT_AMBIGUOUS; none, UNIT_NOT_FOUND.
 */
import { UnitNameIndex, type Locale } from '@chitieu/domain';
import type { AuthedContext } from '../../../common/context';
import { inSubtree, type Actor } from '../../../common/scope';
import { mapInTurns } from '../../../common/turns';
import { planTreeDate } from '../../plans/plans.service';
import type { Plan } from '../../plans/plan.entity';
import type { UnitsService } from '../../units/units.service';
import { rowIssue, type ParsedLine } from '../import-parse';
import type { ImportUnit, Work } from './work';

/** The units an import may name: the plan's tree, and who is asking. */
export interface ImportScope {
  tree: readonly ImportUnit[];
  actor: Actor;
  /** The units a template lists first, preferred among namesakes: children of this unit. */
  home: number;
}

/** The scope of an import into `plan`: its issuer's tree on the plan's tree date. */
export async function importScope(ctx: AuthedContext, units: Pick<UnitsService, 'subtreeOn'>, plan: Pick<Plan, 'issuerId' | 'year'>): Promise<ImportScope> {
  const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
  const tree = await units.subtreeOn(issuer, planTreeDate(plan.year));
  // The caller's children (the issuer's for a system admin).
  return { tree, actor: ctx.actor, home: ctx.actor.unitId ?? issuer.id };
}

function byCode(units: readonly ImportUnit[]): Map<string, ImportUnit[]> {
  const map = new Map<string, ImportUnit[]>();
  for (const u of units) if (u.code) map.set(u.code, [...(map.get(u.code) ?? []), u]);
  return map;
}

function findCode(map: Map<string, ImportUnit[]>, code: string): ImportUnit[] {
  const exact = map.get(code);
  if (exact || !/^\d+$/.test(code)) return exact ?? [];
  // A spreadsheet that stored "01" as 1: GSO codes are 2, 3 or 5 digits.
  for (const w of [2, 3, 5]) if (code.length < w && map.get(code.padStart(w, '0'))) return map.get(code.padStart(w, '0'))!;
  return [];
}

const describe = (u: ImportUnit) => (u.code ? `${u.name} – ${u.code}` : u.name);

export function matchUnits(lines: readonly ParsedLine[], scope: ImportScope, locale: Locale): Promise<Work[]> {
  const inside = scope.tree.filter((u) => inSubtree(scope.actor, u.path));
  const outside = scope.tree.filter((u) => !inSubtree(scope.actor, u.path));
  const index = new UnitNameIndex(inside, (u) => u.parentId === scope.home);
  const outsideIndex = new UnitNameIndex(outside);
  const insideCodes = byCode(inside);
  const outsideCodes = byCode(outside);
  // Namesakes under a part heading ("1. UBND thành phố Buôn Ma Thuột"): the one of that parent.
  const underParent = (candidates: readonly ImportUnit[], under: string | undefined): ImportUnit | null => {
    if (!under) return null;
    const parent = index.match(under);
    if (parent.kind !== 'MATCH') return null;
    const mine = candidates.filter((u) => u.parentId === parent.unit.id);
    return mine.length === 1 ? mine[0] : null;
  };
  return mapInTurns(lines, (l): Work => {
    const w: Work = { ...l, issues: [...l.issues], unit: null, planned: null };
    const shown = l.name || l.code;
    if (l.code) {
      const found = findCode(insideCodes, l.code);
      if (found.length === 1) w.unit = found[0];
      else if (found.length > 1) w.issues.unshift(rowIssue('UNIT_AMBIGUOUS', { name: shown, candidates: found.map(describe).join('; ') }, locale));
      else if (findCode(outsideCodes, l.code).length) w.issues.unshift(rowIssue('NOT_IN_SCOPE', { unitName: shown }, locale));
      else w.issues.unshift(rowIssue('UNIT_NOT_FOUND', { name: shown, code: l.code }, locale));
      return w;
    }
    const m = index.match(l.name);
    if (m.kind === 'MATCH' && m.kindDiffers) {
      // "UBND huyện Krông Ana" is not Xã Krông Ana: a name is never matched to another kind of unit.
      w.issues.unshift(rowIssue('UNIT_KIND_DIFFERS', { name: l.name, unitName: m.unit.name }, locale));
    } else if (m.kind === 'MATCH') {
      w.unit = m.unit;
    } else if (m.kind === 'AMBIGUOUS' && underParent(m.units, l.under)) {
      w.unit = underParent(m.units, l.under);
    } else if (m.kind === 'AMBIGUOUS') {
      w.issues.unshift(rowIssue('UNIT_AMBIGUOUS', { name: l.name, candidates: m.units.map(describe).join('; ') }, locale));
    } else if (outsideIndex.match(l.name).kind !== 'NONE') {
      w.issues.unshift(rowIssue('NOT_IN_SCOPE', { unitName: l.name }, locale));
    } else {
      w.issues.unshift(rowIssue('UNIT_NOT_FOUND', { name: l.name, code: null }, locale));
    }
    return w;
  });
}
