import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { UnitKind } from '@chitieu/domain';
import { UnitKindEnum } from '../../common/enums';
import { DateScalar } from '../../common/scalars';

/**
 * An administrative unit. The hierarchy is `parentId` plus a materialised `path` of ids
 * ("1.17.230.") kept by UnitsService: a whole subtree is one indexed range scan on `path`
 * (see docs/design.md), which TypeORM's tree entities cannot promise when units move.
 */
@ObjectType()
@Entity('unit')
@Index('IDX_unit_path', ['path'])
@Index('IDX_unit_parent', ['parentId'])
@Index('IDX_unit_code', ['code'])
@Index('IDX_unit_name_folded', ['nameFolded'])
export class Unit {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 32, nullable: true })
  code: string | null;

  @Field()
  @Column('varchar', { length: 255 })
  name: string;

  /** The name folded for search: lower case, no diacritics ("tinh dak lak"). */
  @Column('varchar', { length: 255 })
  nameFolded: string;

  @Field(() => UnitKindEnum)
  @Column('varchar', { length: 32 })
  kind: UnitKind;

  @Field(() => Int)
  @Column('int')
  level: number;

  @Column('int', { nullable: true })
  parentId: number | null;

  @Column('varchar', { length: 255 })
  path: string;

  @Column('int')
  depth: number;

  @Field(() => DateScalar, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  validTo: string | null;

  @Column('datetime')
  createdAt: Date;
}
