import { graphql } from '../../gql';

/**
 * The preview (dry run) and the apply: the same input, the same answer, with the uplift used
 * and the children's implied aggregate against the parent's own target (weighted on the server).
 */
export const CascadeTargetsMutation = graphql(`
  mutation CascadeTargets($input: CascadeInput!) {
    cascadeTargets(input: $input) {
      ...TargetWriteResultFields
      uplift
      impliedAggregate
      parentTarget
    }
  }
`);
