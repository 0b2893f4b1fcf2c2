import { Alert, Button } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { WriteNoticeAlert, type WriteNotice } from '../issues';
import type { Conflict } from './useSheetWrites';

/** What the last write said about the whole write: someone else's newer version, or a late assignment (once, not per row). */
export function SheetAlerts({
  conflict,
  late,
  onCloseConflict,
  onCloseLate,
  onReload,
}: {
  conflict: Conflict | null;
  late: WriteNotice | null;
  onCloseConflict(): void;
  onCloseLate(): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      {conflict && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: onCloseConflict }}
          title={t('matrix.conflictTitle', { unit: conflict.unitName })}
          description={t('matrix.conflictBody', { message: conflict.message })}
          action={<Button onClick={onReload}>{t('common.reload')}</Button>}
        />
      )}
      <WriteNoticeAlert notice={late} onClose={onCloseLate} />
    </>
  );
}
