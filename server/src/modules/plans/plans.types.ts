import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { FigureScope, UnitKind } from '@chitieu/domain';
import { FigureScopeEnum, UnitKindEnum } from '../../common/enums';
import { Responsible } from './document.types';
import { Indicator } from '../indicators/indicator.entity';
import { MaxRows } from '../../common/complexity';

@ObjectType()
export class KindValue {
  @Field(() => UnitKindEnum)
  kind: UnitKind;

  @Field(() => Float)
  value: number;
}

@ObjectType()
export class PlanIndicator {
  /** The row's own id (a plan row, not the indicator). */
  @Field(() => ID)
  id: number;

  @Field(() => Indicator)
  indicator: Indicator;

  @Field(() => String, { nullable: true })
  section: string | null;

  @Field(() => String, { nullable: true })
  position: string | null;

  // PlanIndicatorInput.floors: @ArrayMaxSize(12), one per unit kind.
  @MaxRows(12)
  @Field(() => [KindValue])
  floors: KindValue[];

  @Field(() => FigureScopeEnum)
  scope: FigureScope;

  @MaxRows(20)
  @Field(() => [Responsible])
  lead: Responsible[];

  @MaxRows(20)
  @Field(() => [Responsible])
  coordinating: Responsible[];

  @Field(() => String, { nullable: true })
  legalBasis: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @MaxRows(10)
  @Field(() => [String])
  factLabels: string[];
}
