import { graphql } from '../../gql';

/** The preview (dry run) and the apply: the same input, the same answer. */
export const CascadeTargetsMutation = graphql(`
  mutation CascadeTargets($input: CascadeInput!) {
    cascadeTargets(input: $input) {
      ...TargetWriteResultFields
    }
  }
`);
