import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ResponsibleRef } from '@chitieu/domain';
import { MaxRows } from '../../common/complexity';
import { Responsible } from './document.types';

/** A task (nhiệm vụ) of a plan: content, lead and coordinating units as the plan names them, a time frame, a deliverable. */
@ObjectType()
@Entity('plan_task')
@Index('IDX_plan_task_plan', ['planId'])
export class PlanTask {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  planId: number;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 32, nullable: true })
  position: string | null;

  @Field()
  @Column('text')
  content: string;

  /** Lead and coordinating units as the task names them (text, and the unit or kinds named). */
  @MaxRows(20)
  @Field(() => [Responsible])
  @Column('simple-json')
  lead: ResponsibleRef[];

  @MaxRows(20)
  @Field(() => [Responsible])
  @Column('simple-json')
  coordinating: ResponsibleRef[];

  /** The lead's words alone (kept for clients of the first schema). */
  @MaxRows(20)
  @Field(() => [String])
  get leads(): string[] {
    return (this.lead ?? []).map((r) => r.text);
  }

  @MaxRows(20)
  @Field(() => [String])
  get coordinators(): string[] {
    return (this.coordinating ?? []).map((r) => r.text);
  }

  /** "Quý II", "7/2024", "2024-2025", "Thường xuyên": kept as the plan writes it. */
  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 64, nullable: true })
  timeFrame: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  deliverable: string | null;

  @Column('int')
  sortOrder: number;
}
