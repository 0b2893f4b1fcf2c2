import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Segmented } from 'antd';
import { useMutation } from '@apollo/client/react';
import { safeNext } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { useI18n, type Locale } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { LoginMutation } from '../auth.graphql';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [login, { loading }] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);

  if (session.user) return <Navigate to={next} replace />;

  async function submit(values: Credentials) {
    setError(null);
    try {
      const { data } = await login({ variables: values });
      if (!data) return;
      // The server set the httpOnly session cookie; the token in the payload is for API clients.
      await session.signIn(data.login.user);
      navigate(next, { replace: true });
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <Flex component="main" vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="start">
          {/* Plain elements: Typography would add ~30 kB to the first page anyone loads. */}
          <h1 style={{ margin: '0 0 8px', fontSize: 30, fontWeight: 600, color: '#b71c1c' }}>{t('app.name')}</h1>
          <Segmented<Locale>
            size="small"
            aria-label={t('lang.label')}
            value={locale}
            onChange={setLocale}
            options={[
              { value: 'vi', label: 'VI' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Flex>
        <p style={{ color: 'rgba(0,0,0,0.55)', marginTop: 0 }}>{t('app.tagline')}</p>
        {params.get('next') && !error && <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={t('login.failed')} description={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={loading} block>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
