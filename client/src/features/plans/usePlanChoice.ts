import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PlanQuery, PlansQuery } from './plans.graphql';

/**
 * The plan and indicator a page works on (results entry, imports): the newest plan and its first
 * indicator until the user picks others. `issuedOnly` keeps drafts out (results go to issued plans).
 */
export function usePlanChoice({ issuedOnly = false }: { issuedOnly?: boolean } = {}) {
  const plansQ = useQuery(PlansQuery);
  const plans = useMemo(() => [...(plansQ.data?.plans ?? [])].filter((p) => !issuedOnly || p.status === 'ISSUED').sort((a, b) => b.year - a.year), [plansQ.data, issuedOnly]);
  const [planId, setPlanId] = useState<string>();
  const plan = plans.find((p) => p.id === planId) ?? plans[0];
  const planQ = useQuery(PlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan });
  const indicators = planQ.data?.plan?.indicators ?? [];
  const [indicatorId, setIndicatorId] = useState<string>();
  const indicator = (indicators.find((i) => i.indicator.id === indicatorId) ?? indicators[0])?.indicator;
  /** Another plan: its own indicators, the first one until the user picks. */
  const choosePlan = (id: string) => {
    setPlanId(id);
    setIndicatorId(undefined);
  };
  return { plansQ, plans, plan, choosePlan, planQ, indicators, indicator, setIndicatorId };
}
