import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind, PlanHeadingRef } from '@chitieu/domain';
import { DocumentKindEnum, PlanStatusEnum, type PlanStatus } from '../../common/enums';
import { MaxRows } from '../../common/complexity';
import { PlanHeading } from './document.types';
import { DateScalar } from '../../common/scalars';

@ObjectType()
@Entity('plan')
@Index('IDX_plan_issuer_year', ['issuerId', 'year'])
export class Plan {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  issuerId: number;

  @Field(() => Int)
  @Column('int')
  year: number;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 128, nullable: true })
  documentNumber: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  documentDate: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  legalBasis: string | null;

  /** Quyết định / Kế hoạch; null when not stated. */
  @Field(() => DocumentKindEnum, { nullable: true })
  @Column('varchar', { length: 16, nullable: true })
  documentKind: DocumentKind | null;

  /** Who signs, as printed under the signature ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"). */
  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  signer: string | null;

  /** Nơi nhận, one line each as written. Stored as JSON; null reads as none. */
  @Column('simple-json', { nullable: true })
  recipientList: string[] | null;

  @MaxRows(100)
  @Field(() => [String])
  get recipients(): string[] {
    return this.recipientList ?? [];
  }

  /** The headings of the document ("I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), in order. */
  @Column('simple-json', { nullable: true })
  headingList: PlanHeadingRef[] | null;

  @MaxRows(200)
  @Field(() => [PlanHeading])
  get headings(): PlanHeadingRef[] {
    return this.headingList ?? [];
  }

  @Field(() => PlanStatusEnum)
  @Column('varchar', { length: 16 })
  status: PlanStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  subAssignmentDeadline: string | null;

  @Column('datetime', { nullable: true })
  issuedAt: Date | null;

  @Column('int')
  version: number;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime')
  updatedAt: Date;
}
