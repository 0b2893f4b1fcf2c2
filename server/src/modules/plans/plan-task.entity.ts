import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @Field(() => [String])
  @Column('simple-json')
  leads: string[];

  @Field(() => [String])
  @Column('simple-json')
  coordinators: string[];

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
