import { Flex, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { homeOf } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { ErrorState, Loading } from '../../../app/components/States';
import { PlansQuery } from '../../plans/plans.graphql';
import { MyTargets } from '../components/MyTargets';
import { PlansOfYear } from '../components/PlansOfYear';

export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const { data, loading, error, refetch } = useQuery(PlansQuery);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.greeting', { name: user.displayName ?? user.username })}
      </Typography.Title>
      {loading ? (
        <Loading />
      ) : error || !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : homeOf(user.role) === 'MY_TARGETS' && user.unit ? (
        <MyTargets plans={data.plans} unit={user.unit} />
      ) : (
        <PlansOfYear plans={data.plans} />
      )}
    </Flex>
  );
}
