import { Fragment } from 'react';
import { Button, Dropdown, Flex, Space, Tooltip } from 'antd';
import { DownOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useDownload } from '../../../../app/download';
import { useI18n } from '../../../../app/i18n';
import { usePhone } from '../../../../app/components/usePhone';

/** How deep the per-unit annex reaches: the direct children, their children, one level more. */
const DEPTHS = [1, 2, 3] as const;

/**
 * The plan printed back: the document (Word), the indicator-row annex, and the per-unit annex
 * (the existing "Xuất phụ lục" at the viewer's level, or reaching 2–3 levels down).
 */
export function PlanDownloads({ planId, year, annexUnit }: { planId: string; year: number; annexUnit: string | null }) {
  const { t } = useI18n();
  // On a phone the annex's two buttons are not joined: each wraps to a line of its own if need be.
  const Joined = usePhone() ? Fragment : Space.Compact;
  const word = useDownload();
  const rows = useDownload();
  const annex = useDownload();
  const base = `/export/plans/${encodeURIComponent(planId)}`;

  return (
    <Flex wrap gap={8} style={{ maxWidth: '100%' }}>
      <Button icon={<FileWordOutlined />} loading={word.busy} onClick={() => void word.download(`${base}/document.docx`, `ke-hoach-${year}.docx`)}>
        {t('export.document')}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={rows.busy} onClick={() => void rows.download(`${base}/indicators.xlsx`, `chi-tieu-${year}.xlsx`)}>
        {t('export.indicators')}
      </Button>
      {annexUnit !== null && (
        <Joined>
          {/* The server's default unit is the matrix's: the issuer's children, or the viewer's own below the issuer. */}
          <Tooltip title={t('export.annexHint', { unit: annexUnit })}>
            <Button icon={<FileExcelOutlined />} loading={annex.busy} onClick={() => void annex.download(`${base}/annex.xlsx`, `phu-luc-${year}.xlsx`)}>
              {t('export.annex')}
            </Button>
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{
              items: DEPTHS.map((depth) => ({ key: String(depth), label: t('export.depthOf', { depth }) })),
              onClick: ({ key }) => void annex.download(`${base}/annex.xlsx?depth=${key}`, `phu-luc-${year}-${key}-cap.xlsx`),
            }}
          >
            <Button>
              {t('export.annexDeep')} <DownOutlined />
            </Button>
          </Dropdown>
        </Joined>
      )}
    </Flex>
  );
}
