import { registerDecorator, type ValidationArguments } from 'class-validator';
import { MAX_COUNT, MAX_PERCENT } from '@chitieu/domain';

/** The class-validator constraint name shapeError recognises to name the field in the user's language. */
export const FIGURE_CONSTRAINT = 'isFigure';

/**
 * The one guard every Float an input type takes carries: a finite number (graphql-js parses the
 * literal `1e400` to Infinity) within bounds no real figure leaves. 'figure' = |x| ≤ 1e12 where
 * the measure is not known to the input (results, targets, baselines, an uplift): the domain
 * then applies the measure's own range (0..100 or 0..1e12) and answers OUT_OF_RANGE as it
 * always did for a negative or a rate above 100; 'percent' = 0..100 (floors, scores). A spec
 * walks the schema and fails on a Float input field without it (figure-input.spec.ts).
 */
export function IsFigure(kind: 'figure' | 'percent' = 'figure'): PropertyDecorator {
  const min = kind === 'percent' ? 0 : -MAX_COUNT;
  const max = kind === 'percent' ? MAX_PERCENT : MAX_COUNT;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: FIGURE_CONSTRAINT,
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      validator: {
        validate(value: unknown) {
          if (value === null || value === undefined) return true;
          return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
        },
        defaultMessage(args: ValidationArguments) {
          return `${args.property} must be a finite number from ${min} to ${max}`;
        },
      },
    });
  };
}
