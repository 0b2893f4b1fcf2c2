import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { FigureScope, Frequency, UnitKind } from '@chitieu/domain';
import { FigureScopeEnum, FrequencyEnum, UnitKindEnum } from '../../common/enums';
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

  /** How often results are reported (null: not set; reporting then takes the period asked for). */
  @Field(() => FrequencyEnum, { nullable: true })
  frequency: Frequency | null;

  /** Results of a period are due this many days after it ends. */
  @Field(() => Int, { nullable: true })
  dueDay: number | null;

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
