import { useMemo, useState, type JSX } from 'react';
import { Alert, App, Button, Checkbox, Flex, Input, Modal, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { defaultPasteRoles, matchPasteLines, planPaste, readPasteLayout, type PasteLine, type PasteRole } from '@chitieu/domain';
import { useI18n } from '../../../../app/i18n';
import type { Severity } from '../../../../gql/graphql';
import { SetTargetsMutation } from '../../plans.graphql';
import type { RowIssue } from '../issues';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from '../matrix.types';
import { PasteColumns } from './PasteColumns';
import { PastePreview } from './PastePreview';

interface FoundIssue {
  unitId: string;
  code: string;
  message: string;
  severity: Severity;
}

type Found = { indicatorId: string; issues: FoundIssue[] }[];

export interface PasteBlockModalProps {
  planId: string;
  indicators: readonly MatrixIndicator[];
  /** The rows, in the matrix's display order (the order a block without unit names is matched in). */
  units: readonly MatrixUnit[];
  targets: readonly MatrixTarget[];
  /** Text pasted into the grid (Ctrl+V on a cell). */
  initialText?: string;
  /** The column where it was pasted: the first number column's default. */
  startIndicatorId?: string;
  onClose(): void;
  onApplied(found: Found): void;
}

/**
 * A block copied from Excel: its columns given roles (targets or baselines of the plan's
 * indicators), its lines matched to units by name or code — by position only when it has
 * neither, and only once the user confirms the order — previewed, checked with a setTargets dry
 * run per indicator, then written per indicator (each write all or nothing).
 */
export function PasteBlockModal({ planId, indicators, units, targets, initialText = '', startIndicatorId, onClose, onApplied }: PasteBlockModalProps): JSX.Element {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(initialText);
  const [override, setOverride] = useState<{ shape: string; roles: PasteRole[] } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [checked, setChecked] = useState<{ key: string; found: Found } | null>(null);
  // The indicator whose write the server refused (the ones before it are saved).
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [write] = useMutation(SetTargetsMutation);

  const layout = useMemo(() => readPasteLayout(text, units, locale), [text, units, locale]);
  // The user's roles last while the block keeps its shape; a different block starts from the defaults.
  const shape = `${layout.columns.join()}|${layout.header?.join('\t') ?? ''}`;
  const defaults = useMemo(() => defaultPasteRoles(layout, indicators, startIndicatorId, locale), [layout, indicators, startIndicatorId, locale]);
  const roles = override?.shape === shape ? override.roles : defaults;
  const plan = useMemo(() => {
    const current = targets.map((tg) => ({ unitId: tg.unit.id, indicatorId: tg.indicator.id, value: tg.value, baseline: tg.baseline ?? null, version: tg.version }));
    return planPaste(matchPasteLines(layout, units), roles, current, locale);
  }, [layout, units, roles, targets, locale]);

  const key = JSON.stringify(plan.writes);
  const fresh = checked?.key === key;
  const hasErrors = fresh && checked.found.some((f) => f.issues.some((i) => i.severity === 'ERROR'));
  const byPosition = layout.unitColumn === null && layout.lines.length > 0;
  const errorLines = plan.lines.filter((l) => l.errors.length).length;
  const short = new Map(indicators.map((i) => [i.id, i.position ?? i.code]));
  const canApply = fresh && !hasErrors && !failed && plan.writes.length > 0 && (!byPosition || confirmed);

  const setRole = (column: number, role: PasteRole) => setOverride({ shape, roles: roles.map((r, c) => (c === column ? role : r)) });

  async function run(dryRun: boolean): Promise<{ found: Found; failed?: string }> {
    const found: Found = [];
    for (const w of plan.writes) {
      const { data } = await write({ variables: { input: { planId, indicatorId: w.indicatorId, dryRun, targets: w.targets } } });
      if (!data) return { found, failed: w.indicatorId };
      found.push({ indicatorId: w.indicatorId, issues: data.setTargets.issues });
      // A refused write stops the rest: what is on screen stays what was checked.
      if (!dryRun && !data.setTargets.applied) return { found, failed: w.indicatorId };
    }
    return { found };
  }

  async function check() {
    setBusy(true);
    setFailed(null);
    try {
      setChecked({ key, found: (await run(true)).found });
    } catch {
      // The Apollo error link has told the user; the dialog stays as it was.
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    setBusy(true);
    try {
      const result = await run(false);
      const written = result.found.filter((f) => f.indicatorId !== result.failed);
      if (written.length) onApplied(written);
      if (result.failed) {
        setChecked({ key, found: result.found });
        setFailed(short.get(result.failed) ?? result.failed);
        return;
      }
      message.success(t('paste.applied', { targets: plan.targets, baselines: plan.baselines }));
      onClose();
    } catch {
      // The Apollo error link has told the user; the dialog stays as it was.
    } finally {
      setBusy(false);
    }
  }

  const issuesOf = (l: PasteLine<MatrixUnit>): RowIssue[] => [
    ...l.errors.map((e) => ({ code: e.code, severity: 'ERROR' as const, message: t(`paste.error.${e.code}`, e.params) })),
    ...(fresh && l.unit ? checked.found.flatMap((f) => f.issues.filter((i) => i.unitId === l.unit!.id).map((i) => ({ ...i, label: short.get(f.indicatorId) }))) : []),
  ];

  return (
    <Modal
      open
      width={1100}
      title={t('paste.title')}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={check} loading={busy} disabled={!plan.writes.length}>
            {t('paste.check')}
          </Button>
          <Button type="primary" onClick={apply} loading={busy} disabled={!canApply}>
            {t('paste.apply')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('paste.help')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('paste.text')}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('paste.textPlaceholder')}
          style={{ fontFamily: 'monospace', whiteSpace: 'pre' }}
        />
        {layout.lines.length > 0 && <PasteColumns layout={layout} roles={roles} indicators={indicators} onChange={setRole} />}
        {layout.unitColumn !== null && (
          <Alert type="info" showIcon title={t(layout.columns[layout.unitColumn] === 'unitCode' ? 'paste.byCode' : 'paste.byName', { n: layout.unitColumn + 1 })} />
        )}
        {byPosition && (
          <Alert
            type="warning"
            showIcon
            title={t('paste.byPosition')}
            action={
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                {t('paste.confirmOrder')}
              </Checkbox>
            }
          />
        )}
        {errorLines > 0 && <Alert type="warning" showIcon title={t('paste.errorLines', { count: errorLines })} />}
        {layout.lines.length > 0 && !plan.writes.length && <Alert type="info" showIcon title={t('paste.nothing')} />}
        {failed && <Alert type="error" showIcon title={t('paste.notApplied', { indicator: failed, reason: t('paste.checkErrors') })} />}
        {fresh && !failed && hasErrors && <Alert type="error" showIcon title={t('paste.checkErrors')} />}
        {fresh && !failed && !hasErrors && <Alert type="success" showIcon title={t('paste.checkOk', { targets: plan.targets, baselines: plan.baselines })} />}
        {layout.lines.length > 0 && <PastePreview lines={plan.lines} roles={roles} indicators={indicators} targets={targets} issuesOf={issuesOf} />}
      </Flex>
    </Modal>
  );
}
