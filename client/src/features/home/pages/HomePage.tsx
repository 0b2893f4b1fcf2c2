import { Flex, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { homeOf } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { ErrorState, Loading } from '../../../app/components/States';
import { PlansQuery } from '../../plans/plans.graphql';
import { HomeOffices } from '../../offices/components/HomeOffices';
import { LateAndAtRisk } from '../../progress/components/LateAndAtRisk';
import { MyReporting } from '../../results/components/MyReporting';
import { MyTargets } from '../components/MyTargets';
import { PlansOfYear } from '../components/PlansOfYear';

export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const { data, loading, error, refetch } = useQuery(PlansQuery);
  // A unit's own reporting for whoever reports for one; who is late or at risk for the levels above.
  const reportsForUnit = !!user.unit && (user.role === 'UNIT_REPORTER' || user.role === 'UNIT_MANAGER');
  const watchesUnits = user.role === 'PROVINCE_ADMIN' || user.role === 'UNIT_MANAGER' || user.role === 'SYSTEM_ADMIN';

  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.greeting', { name: user.displayName ?? user.username })}
      </Typography.Title>
      {loading ? (
        <Loading />
      ) : error || !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          {/* A reporter's own targets come first: what loads below them does not move their plan picker. */}
          {homeOf(user.role) === 'MY_TARGETS' && user.unit && <MyTargets plans={data.plans} unit={user.unit} />}
          <HomeOffices plans={data.plans} />
          {reportsForUnit && <MyReporting />}
          {watchesUnits && (
            // Its tables scroll in place on a phone rather than the page.
            <div style={{ overflowX: 'auto', minWidth: 0 }}>
              <LateAndAtRisk />
            </div>
          )}
          {!(homeOf(user.role) === 'MY_TARGETS' && user.unit) && <PlansOfYear plans={data.plans} />}
        </>
      )}
    </Flex>
  );
}
