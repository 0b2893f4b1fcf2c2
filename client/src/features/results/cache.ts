import type { ApolloCache } from '@apollo/client';

/**
 * Every answer that lists figures or their reporting is stale after a write: forget them, so the
 * screens showing them ask again at once (active ones) or when shown (the home, the dashboard).
 */
export function forgetReporting(cache: ApolloCache) {
  for (const fieldName of ['progress', 'reporting', 'notifications', 'atRisk']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}
