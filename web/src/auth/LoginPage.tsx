import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { messageSide } from '../i18n/language';
import { safeNext } from './access';
import { useDemoAccounts, useLogin } from './session';
import { InlinePageTitle } from '../components/PageTitle';

interface LoginValues {
  username: string;
  password: string;
}

/** 登录: username and password; lists the demo accounts when the server runs the demo. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const navigate = useNavigate();
  const [query] = useSearchParams();
  const login = useLogin();
  const demo = useDemoAccounts();
  const [form] = Form.useForm<LoginValues>();
  const expired = query.get('expired') === '1';

  const submit = (values: LoginValues) => login.mutate(values, { onSuccess: () => void navigate(safeNext(query.get('next')), { replace: true }) });

  return (
    <Flex vertical align="center" gap="middle" style={{ paddingTop: 24 }}>
      <Card title={<InlinePageTitle>{t('auth.loginTitle')}</InlinePageTitle>} style={{ width: '100%', maxWidth: 420 }} data-testid="login-card">
        <Flex vertical gap="middle">
          {expired && !login.error && <Alert type="warning" showIcon title={t('auth.sessionEnded')} />}
          {login.error && <ProblemAlert error={login.error} />}
          <Form<LoginValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required') }]}>
              <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}>
              <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
          <Typography.Text type="secondary">{t('auth.publicHint')}</Typography.Text>
          <Link to="/portal" data-testid="login-portal-link">
            {t('auth.portalLink')}
          </Link>
          <Link to="/tools/tech-sme-evaluation" data-testid="login-tech-sme-link">
            {t('auth.techSmeLink')}
          </Link>
        </Flex>
      </Card>
      {demo.data?.enabled && (
        <Card size="small" title={t('auth.demoTitle')} style={{ width: '100%', maxWidth: 640 }} data-testid="demo-accounts">
          <Typography.Paragraph>
            {t('auth.demoIntro')} <Typography.Text code copyable>{demo.data.password}</Typography.Text>
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="username"
            dataSource={demo.data.accounts}
            onRow={(a) => ({ onClick: () => form.setFieldsValue({ username: a.username, password: demo.data?.password ?? '' }), style: { cursor: 'pointer' } })}
            columns={[
              { key: 'username', title: t('auth.username'), render: (_, a) => <Typography.Text code>{a.username}</Typography.Text> },
              { key: 'role', title: t('auth.role'), render: (_, a) => a.role_label[side] },
              { key: 'description', title: t('auth.demoDescription'), render: (_, a) => a.description[side] },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
