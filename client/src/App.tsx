import { useState } from 'react';
import { Alert, Button, Card, ConfigProvider, Form, Input, List, Layout, Tag, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';

interface PlanRow {
  id: string;
  year: number;
  title: string;
  status: 'DRAFT' | 'ISSUED';
}

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data as T;
}

/** A first page: sign in and see the plans in scope. The full admin SPA replaces it. */
export function App() {
  const [plans, setPlans] = useState<PlanRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const { login } = await graphql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: values.username, p: values.password },
      );
      const data = await graphql<{ plans: PlanRow[] }>('{ plans { id year title status } }', {}, login.token);
      setPlans(data.plans);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfigProvider locale={viVN}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Content style={{ maxWidth: 720, margin: '48px auto', width: '100%', padding: 16 }}>
          <Typography.Title>Chỉ tiêu</Typography.Title>
          <Typography.Paragraph>Giao chỉ tiêu cải cách hành chính và chuyển đổi số theo cấp: tỉnh → sở, ngành, huyện → xã.</Typography.Paragraph>
          {plans === null ? (
            <Card title="Đăng nhập">
              <Form layout="vertical" onFinish={signIn}>
                <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
                  <Input autoComplete="username" />
                </Form.Item>
                <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
                  <Input.Password autoComplete="current-password" />
                </Form.Item>
                {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
                <Button type="primary" htmlType="submit" loading={busy}>
                  Đăng nhập
                </Button>
              </Form>
            </Card>
          ) : (
            <Card title="Kế hoạch">
              <List
                dataSource={plans}
                locale={{ emptyText: 'Chưa có kế hoạch nào trong phạm vi của bạn.' }}
                renderItem={(p) => (
                  <List.Item>
                    <List.Item.Meta title={`${p.year} — ${p.title}`} />
                    <Tag color={p.status === 'ISSUED' ? 'green' : 'default'}>{p.status === 'ISSUED' ? 'Đã ban hành' : 'Dự thảo'}</Tag>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
