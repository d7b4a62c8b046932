import { Typography } from 'antd';

/** A registered (Chinese) name with its English name beneath, when there is one. */
export function NameCell({ name, nameEn }: { name: string; nameEn: string | null }) {
  return (
    <div>
      <div>{name}</div>
      {nameEn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {nameEn}
        </Typography.Text>
      )}
    </div>
  );
}
