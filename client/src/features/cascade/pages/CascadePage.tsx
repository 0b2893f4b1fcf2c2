import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { isAgency } from '@chitieu/domain';
import { planRights } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { MatrixUnitsQuery, PlanQuery } from '../../plans/plans.graphql';
import type { MatrixIndicator } from '../../plans/components/TargetMatrix';
import { structureDate } from '../../plans/structure';
import { CascadeWizard } from '../components/CascadeWizard';

export function CascadePage() {
  const { planId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const user = useUser();
  const planQ = useQuery(PlanQuery, { variables: { id: planId } });
  const plan = planQ.data?.plan;
  const viewerUnitId = user.unit?.id ?? plan?.issuer.id;
  const asOf = plan ? structureDate(plan.year) : null;
  const unitsQ = useQuery(MatrixUnitsQuery, { variables: { unitId: viewerUnitId!, at: asOf }, skip: !viewerUnitId || !asOf });

  const indicators: MatrixIndicator[] = useMemo(() => (plan?.indicators ?? []).map((pi) => ({ ...pi.indicator, position: pi.position, floors: pi.floors })), [plan]);

  if (planQ.loading || unitsQ.loading) return <Loading />;
  if (planQ.error || unitsQ.error) return <ErrorState error={planQ.error ?? unitsQ.error} onRetry={() => void planQ.refetch()} />;
  const viewer = unitsQ.data?.unit;
  if (!plan || !viewer || !asOf) return <EmptyState>{t('plan.notFound')}</EmptyState>;

  const rights = planRights(user.role, { status: plan.status, issuerId: plan.issuer.id }, { unitId: user.unit?.id ?? null, hasChildren: viewer.children.length > 0 });
  // The viewer assigns to its children; while its own plan is a draft it may also assign for a
  // district's communes (once issued, its rows freeze and each district cascades its own).
  const parents = rights.editTargets
    ? [
        { id: viewer.id, name: viewer.name },
        ...(plan.status === 'DRAFT' ? viewer.children.filter((c) => !isAgency(c.kind) && c.level < 3).map((c) => ({ id: c.id, name: c.name })) : []),
      ]
    : [];

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cascade.title')}
        </Typography.Title>
      }
    >
      <Link to={`/plans/${plan.id}`} style={{ display: 'block', marginBottom: 16 }}>
        {plan.year} — {plan.title}
      </Link>
      {parents.length ? (
        <CascadeWizard
          planId={plan.id}
          issuerName={plan.issuer.name}
          asOf={asOf}
          indicators={indicators}
          parents={parents}
          initialIndicatorId={params.get('indicatorId') ?? undefined}
          initialParentId={params.get('unitId') ?? undefined}
        />
      ) : (
        <EmptyState>{rights.reason === 'ISSUED_FROZEN' ? t('plan.readOnlyIssued') : t('plan.readOnly')}</EmptyState>
      )}
    </Card>
  );
}
