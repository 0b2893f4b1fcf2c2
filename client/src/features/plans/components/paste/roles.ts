import type { PasteRole } from '@chitieu/domain';
import type { MatrixIndicator } from '../matrix.types';

/** "1. Số hóa hồ sơ…": an indicator as the paste dialog names it. */
export const indicatorLabel = (ind: Pick<MatrixIndicator, 'position' | 'name'>) => `${ind.position ? `${ind.position}. ` : ''}${ind.name}`;

/** A role as the value of a Select: "skip", "target:<id>", "baseline:<id>". */
export function roleKey(role: PasteRole): string {
  return role.kind === 'skip' ? 'skip' : `${role.kind}:${role.indicatorId}`;
}

export function roleOf(key: string): PasteRole {
  const [kind, indicatorId] = key.split(':');
  return (kind === 'target' || kind === 'baseline') && indicatorId ? { kind, indicatorId } : { kind: 'skip' };
}
