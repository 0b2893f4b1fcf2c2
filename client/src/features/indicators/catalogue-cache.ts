import type { ApolloCache } from '@apollo/client';
import type { IndicatorFieldsFragment } from '../../gql/graphql';
import { IndicatorsQuery } from './indicators.graphql';

/** A created indicator joins the cached catalogue list, so every picker shows it without asking again. */
export function addToCatalogue(cache: ApolloCache, indicator: IndicatorFieldsFragment): void {
  cache.updateQuery({ query: IndicatorsQuery }, (data) => (data && !data.indicators.some((i) => i.id === indicator.id) ? { indicators: [...data.indicators, indicator] } : data));
}
