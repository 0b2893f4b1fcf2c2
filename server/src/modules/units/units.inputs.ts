import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { UnitKind } from '@chitieu/domain';
import { UnitKindEnum } from '../../common/enums';

@InputType()
export class CreateUnitInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 32)
  code?: string | null;

  @Field()
  @Length(1, 255)
  name: string;

  @Field(() => UnitKindEnum)
  kind: UnitKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
