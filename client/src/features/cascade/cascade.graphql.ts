import { graphql } from '../../gql';

/** Dry-run rows have no id yet: only what the preview shows is asked for. */
export const CascadeTargetsMutation = graphql(`
  mutation CascadeTargets($input: CascadeInput!) {
    cascadeTargets(input: $input) {
      applied
      created
      updated
      issues {
        code
        message
        severity
        unitId
      }
      targets {
        value
        origin
        baseline
        baselineSource
        unit {
          id
          name
          kind
        }
      }
    }
  }
`);
