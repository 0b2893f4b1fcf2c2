import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The Progress fields that need the monthly figures. */
const PROJECTION_FIELDS = new Set(['projected', 'atRisk']);

/**
 * Whether the operation selects `projected` or `atRisk` on a progress line or on its children
 * (through fragments and inline fragments too).
 */
export function selectsProjection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        if (PROJECTION_FIELDS.has(sel.name.value)) return true;
        if (sel.name.value === 'children' && walk(sel.selectionSet)) return true;
      } else if (sel.kind === 'InlineFragment') {
        if (walk(sel.selectionSet)) return true;
      } else if (sel.kind === 'FragmentSpread') {
        const name = sel.name.value;
        if (seen.has(name)) continue;
        seen.add(name);
        if (walk(info.fragments[name]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((f: FieldNode) => walk(f.selectionSet));
}
