import { graphql } from '../gql';

/**
 * Selections that several features ask for, written once: a change to what a unit row or a
 * write result carries is made here for every screen.
 */

/** A unit as a row of a tree, a list or a matrix. */
export const UnitNodeFragment = graphql(`
  fragment UnitNode on Unit {
    id
    code
    name
    kind
    level
  }
`);

/**
 * A unit with where it sits: its parent's name and its ancestors (to open the tree at it). Its
 * fields are UnitNode's written out: graphql-armor counts each nested fragment as a level, and the
 * unit page nests this one inside UnitHistoryLink inside predecessors.
 */
export const UnitPlaceFragment = graphql(`
  fragment UnitPlace on Unit {
    id
    code
    name
    kind
    level
    parent {
      id
      name
    }
    ancestors {
      id
    }
  }
`);

/** b, a and the value of a figure (own or rolled up). */
export const FigureValuesFragment = graphql(`
  fragment FigureValues on Figure {
    numerator
    denominator
    value
  }
`);

/**
 * What setTargets and cascadeTargets answer: applied or not, the counts, the issues and the
 * rows written (or proposed, for a dry run: those have no id yet, so none is asked for).
 */
export const TargetWriteResultFieldsFragment = graphql(`
  fragment TargetWriteResultFields on TargetWriteResult {
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
      version
      unit {
        id
        name
        kind
      }
    }
  }
`);
