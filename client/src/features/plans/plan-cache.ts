import type { ApolloCache } from '@apollo/client';

/**
 * A new plan belongs in lists asked with any `year` or `issuerId`: rather than guess which, every
 * cached `plans` list is forgotten, and the lists on screen (or opened later) ask again.
 */
export function forgetPlanLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'plans' });
  cache.gc();
}
