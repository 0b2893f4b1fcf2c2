import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import type { UnitKind } from '@chitieu/domain';
import { UnitKindEnum } from '../../common/enums';
import { IsFigure } from '../../common/figure-input';
import { MaxRows } from '../../common/complexity';

/**
 * Who leads or coordinates a plan row or a task, as the document writes it (`text`), and the unit
 * or the kinds of units those words name where they name one (docs/spec/api.md, "Responsible units").
 * Stored as JSON ({ text, unitId, kinds }); `unit` is resolved by ResponsibleResolver.
 */
@ObjectType()
export class Responsible {
  @Field()
  text: string;

  unitId: number | null;

  // ResponsibleInput.kinds: @ArrayMaxSize(12), one per unit kind.
  @MaxRows(12)
  @Field(() => [UnitKindEnum])
  kinds: UnitKind[];
}

@InputType()
export class ResponsibleInput {
  @Field()
  @Length(1, 500)
  text: string;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => [UnitKindEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  kinds?: UnitKind[] | null;
}

/** A heading of the plan: its position as written ("I", "II.", "1.") and its text, of any length. */
@ObjectType()
export class PlanHeading {
  @Field()
  position: string;

  @Field()
  text: string;
}

@InputType()
export class PlanHeadingInput {
  @Field()
  @Length(1, 32)
  position: string;

  @Field()
  @Length(1, 4000)
  text: string;
}

/** A per-unit fact shown as an extra annex column ("Số lượng TTHC mức độ 3, 4"). */
@ObjectType()
export class Fact {
  @Field()
  label: string;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@InputType()
export class FactInput {
  @Field()
  @Length(1, 200)
  label: string;

  @Field(() => Float, { nullable: true })
  @IsFigure()
  value?: number | null;
}
