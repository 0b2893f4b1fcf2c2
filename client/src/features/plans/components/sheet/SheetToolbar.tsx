import { Button, Checkbox, Flex, Input, Tooltip, Typography } from 'antd';
import { SearchOutlined, SnippetsOutlined, UndoOutlined, VerticalAlignBottomOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../app/i18n';

export interface SheetToolbarProps {
  search: string;
  onSearch(text: string): void;
  extra: boolean;
  onExtra(on: boolean): void;
  editable: boolean;
  /** The last change, as words ("chỉ tiêu 1 của Sở Nội vụ"); null: nothing to undo. */
  undoWhat: string | null;
  /** Why the last change cannot be undone, when it cannot. */
  undoBlocked: string | null;
  busy: boolean;
  onUndo(): void;
  onFillDown(): void;
  onPaste(): void;
}

/** Above the sheet: search, the extra columns' switch, and the writes a mouse user reaches by button. */
export function SheetToolbar(p: SheetToolbarProps) {
  const { t } = useI18n();
  const undoTip = p.undoBlocked ?? (p.undoWhat ? t('sheet.undoTip', { what: p.undoWhat }) : t('sheet.undoNothing'));
  return (
    <Flex gap={8} align="center" wrap>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        aria-label={t('sheet.search')}
        placeholder={t('sheet.searchPlaceholder')}
        value={p.search}
        onChange={(e) => p.onSearch(e.target.value)}
        style={{ width: 300 }}
      />
      <Checkbox checked={p.extra} onChange={(e) => p.onExtra(e.target.checked)}>
        {t('sheet.showExtra')}
      </Checkbox>
      {p.editable && (
        <>
          <Tooltip title={undoTip}>
            {/* A disabled button gets no pointer events: the span carries the tooltip. */}
            <span>
              <Button icon={<UndoOutlined />} disabled={!p.undoWhat || !!p.undoBlocked || p.busy} onClick={p.onUndo}>
                {t('sheet.undo')}
              </Button>
            </span>
          </Tooltip>
          {p.undoBlocked && (
            <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 420 }}>
              {p.undoBlocked}
            </Typography.Text>
          )}
          <Tooltip title={t('sheet.fillDownTip')}>
            <Button icon={<VerticalAlignBottomOutlined />} disabled={p.busy} onClick={p.onFillDown}>
              {t('sheet.fillDown')}
            </Button>
          </Tooltip>
          <Tooltip title={t('sheet.pasteTip')}>
            <Button icon={<SnippetsOutlined />} onClick={p.onPaste}>
              {t('sheet.paste')}
            </Button>
          </Tooltip>
        </>
      )}
    </Flex>
  );
}
