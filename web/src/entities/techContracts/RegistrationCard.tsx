import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TechContract } from '../../../../src/contracts/techContracts';
import { useApplicationList, useCreateApplication } from '../../api/filings';
import { useCan } from '../../auth/useCan';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessageText } from '../../filings/useMessageText';
import { registrationBody, registrationOffer, registrationQuery } from './registration';

/**
 * 认定登记 on a contract's page: its latest registration application, and "Apply for
 * registration" for its seller (or a registrar of its area) while it is a draft. The application
 * itself is handled on the filings pages.
 */
export function RegistrationCard({ contract }: { contract: TechContract }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const create = useCreateApplication();
  const { data } = useApplicationList(registrationQuery(contract.id));
  const scope = { organizationId: contract.seller_org_id, districtCode: contract.district_code, zone: contract.zone };
  const offer = registrationOffer(contract, data?.results[0], can('applications.write', scope) || can('applications.review', scope));
  const latest = data?.results[0];

  const apply = () =>
    create.mutate(registrationBody(contract), {
      onSuccess: (created) => {
        void message.success(t('techContract.registration.applied'));
        void navigate(`/applications/${created.id}`);
      },
    });

  return (
    <Card title={t('techContract.registration.title')} size="small" data-testid="contract-registration">
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('techContract.registration.hint')}</Typography.Text>
        {offer.latest && latest && (
          <Link to={`/applications/${offer.latest.id}`} data-testid="registration-application">
            {t('techContract.registration.open', { id: offer.latest.id, state: text(latest.state_label) })}
          </Link>
        )}
        {offer.apply && (
          <div>
            <Button type="primary" loading={create.isPending} onClick={apply} data-testid="apply-registration">
              {t('techContract.registration.apply')}
            </Button>
          </div>
        )}
        {create.error && <ProblemAlert error={create.error} />}
      </Flex>
    </Card>
  );
}
