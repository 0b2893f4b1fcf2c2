import { graphql } from '../../gql';

/** An indicator of a catalogue with everything its form edits, and whose catalogue it is (no owner: the national one). */
export const IndicatorFieldsFragment = graphql(`
  fragment IndicatorFields on Indicator {
    id
    code
    name
    measure
    comparator
    unitOfMeasure
    numeratorLabel
    denominatorLabel
    hardMinimum
    legalBasis
    notes
    accumulation
    scoring {
      when
      score
    }
    owner {
      id
      name
      kind
    }
  }
`);

/** The catalogues the caller sees: the national one, those of the units on its line and of its own subtree. */
export const IndicatorsQuery = graphql(`
  query Indicators {
    indicators {
      ...IndicatorFields
    }
  }
`);

export const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($input: IndicatorInput!) {
    createIndicator(input: $input) {
      ...IndicatorFields
    }
  }
`);

export const UpdateIndicatorMutation = graphql(`
  mutation UpdateIndicator($id: ID!, $input: IndicatorInput!) {
    updateIndicator(id: $id, input: $input) {
      ...IndicatorFields
    }
  }
`);
