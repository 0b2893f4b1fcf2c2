import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { grantableRoles, roleNeedsUnit, type Role } from '../../../app/access';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import type { AccountRowFragment } from '../../../gql/graphql';
import { CreateUserMutation } from '../accounts.graphql';
import { UnitPicker } from './UnitPicker';

/** The server's minimum (server/src/modules/auth/password.ts); it checks again. */
export const PASSWORD_MIN = 8;
/** The server's rule for usernames (auth.service.ts, insertUser); it checks again. */
export const USERNAME = /^[a-z0-9._-]{3,64}$/;

interface Values {
  username: string;
  displayName?: string;
  password: string;
  role?: Role;
  unitId?: string | null;
}

export interface CreateAccountModalProps {
  open: boolean;
  /** The creator's role: what it may grant. */
  creatorRole: Role;
  /** Prefilled unit (the one the list is filtered on). */
  defaultUnitId?: string | null;
  onClose(): void;
  onCreated(user: AccountRowFragment): void;
}

/** Username, display name, initial password, a role no higher than the creator's, a unit of its subtree. */
export function CreateAccountModal({ open, creatorRole, defaultUnitId, onClose, onCreated }: CreateAccountModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  // Lists of accounts cached for other units (or all) would miss the new one: forget them all.
  const [createUser, { loading }] = useMutation(CreateUserMutation, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
      cache.gc();
    },
  });
  const [error, setError] = useState<string | null>(null);
  const roles = grantableRoles(creatorRole);
  const needsUnit = !role || roleNeedsUnit(role);

  // Opening on a filtered list starts from that unit.
  useEffect(() => {
    if (open && defaultUnitId && !form.getFieldValue('unitId')) form.setFieldsValue({ unitId: defaultUnitId });
  }, [open, defaultUnitId, form]);

  async function submit(values: Values) {
    setError(null);
    try {
      const { data } = await createUser({
        variables: {
          input: {
            username: values.username.trim().toLowerCase(),
            displayName: values.displayName?.trim() || null,
            password: values.password,
            role: values.role!,
            unitId: needsUnit ? (values.unitId ?? null) : null,
          },
        },
      });
      if (!data) return;
      message.success(t('accounts.created', { username: data.createUser.username }));
      form.resetFields();
      onCreated(data.createUser);
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <Modal
      open={open}
      title={t('accounts.form.title')}
      okText={t('accounts.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          label={t('accounts.form.username')}
          name="username"
          extra={t('accounts.form.usernameHelp')}
          rules={[
            { required: true, message: t('accounts.form.usernameRequired') },
            { pattern: USERNAME, message: t('accounts.form.usernameInvalid'), transform: (v: string) => v?.trim().toLowerCase() },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item label={t('accounts.form.displayName')} name="displayName">
          <Input placeholder={t('accounts.form.displayNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('accounts.form.password')}
          name="password"
          extra={t('accounts.form.passwordHelp', { min: PASSWORD_MIN })}
          rules={[
            { required: true, message: t('accounts.form.passwordShort', { min: PASSWORD_MIN }) },
            // The server also refuses common passwords; its reason shows below the form.
            { whitespace: true, message: t('accounts.form.passwordBlank') },
            { min: PASSWORD_MIN, message: t('accounts.form.passwordShort', { min: PASSWORD_MIN }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('accounts.form.role')}
          name="role"
          extra={role ? t(`role.desc.${role}`) : t('accounts.form.roleHelp')}
          rules={[{ required: true, message: t('accounts.form.roleRequired') }]}
        >
          <Select<Role> options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {needsUnit ? (
          <Form.Item label={t('accounts.form.unit')} name="unitId" extra={t('accounts.form.unitHelp')} rules={[{ required: true, message: t('accounts.form.unitRequired') }]}>
            <UnitPicker />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('accounts.form.noUnit')}</Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={t('accounts.form.failed')} description={error} />}
      </Form>
    </Modal>
  );
}
