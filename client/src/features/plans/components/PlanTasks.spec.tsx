import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PROVINCE_ADMIN, renderWithProviders } from '../../../test/render';
import { AddPlanTaskMutation } from '../checklist.graphql';
import { PlanTasks } from './PlanTasks';

const CONTENT = 'Rà soát, đơn giản hóa thủ tục hành chính';

describe('PlanTasks', () => {
  it('lists tasks read-only unless the plan is editable', () => {
    renderWithProviders(<PlanTasks tasks={[]} planId="7" />, { user: PROVINCE_ADMIN });
    expect(screen.queryByText('Thêm nhiệm vụ')).toBeNull();
  });

  it('"Thêm nhiệm vụ" sends the task as typed and closes once saved', async () => {
    let sent: unknown = null;
    const input = { planId: '7', position: '3', content: CONTENT, lead: [], coordinating: [], timeFrame: 'Quý II', deliverable: null };
    renderWithProviders(<PlanTasks tasks={[]} planId="7" editable at="2025-01-01" />, {
      user: PROVINCE_ADMIN,
      mocks: [
        {
          request: { query: AddPlanTaskMutation, variables: { input } },
          result: () => {
            sent = input;
            return { data: { addPlanTask: { __typename: 'PlanTask', id: '99', position: '3', content: CONTENT } } };
          },
        },
      ],
    });
    fireEvent.click(screen.getByText('Thêm nhiệm vụ'));
    const dialog = await screen.findByRole('dialog');
    // Content is required.
    fireEvent.click(within(dialog).getByText('Lưu'));
    await within(dialog).findByText('Nhập nội dung nhiệm vụ');
    fireEvent.change(within(dialog).getByLabelText('STT'), { target: { value: '3' } });
    fireEvent.change(within(dialog).getByLabelText('Nội dung nhiệm vụ'), { target: { value: ` ${CONTENT} ` } });
    fireEvent.change(within(dialog).getByLabelText('Thời gian'), { target: { value: 'Quý II' } });
    fireEvent.click(within(dialog).getByText('Lưu'));
    await waitFor(() => expect(sent).toEqual(input));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
