import { Field, Float, ObjectType } from 'type-graphql';
import type { UnitKind } from '@chitieu/domain';
import { UnitKindEnum } from '../../common/enums';
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
}
