import { graphql } from '../../gql';

export const RecordResultsMutation = graphql(`
  mutation RecordResults($input: RecordResultsInput!) {
    recordResults(input: $input)
  }
`);

/** A unit's own recorded figure (not rolled up). */
export const RecordedFigureRowFragment = graphql(`
  fragment RecordedFigureRow on Progress {
    unit {
      id
      name
      kind
    }
    own {
      ...FigureValues
    }
  }
`);

/** What is already recorded for the unit and its children in that period (their own figures). */
export const RecordedFiguresQuery = graphql(`
  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      ...RecordedFigureRow
      children {
        ...RecordedFigureRow
      }
    }
  }
`);
