import { graphql } from '../../gql';

export const RecordResultsMutation = graphql(`
  mutation RecordResults($input: RecordResultsInput!) {
    recordResults(input: $input)
  }
`);

/** What is already recorded for the unit and its children in that period (their own figures). */
export const RecordedFiguresQuery = graphql(`
  query RecordedFigures($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String!) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) {
      unit {
        id
        name
        kind
      }
      own {
        numerator
        denominator
        value
      }
      children {
        unit {
          id
          name
          kind
        }
        own {
          numerator
          denominator
          value
        }
      }
    }
  }
`);
