import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PROVINCE_ADMIN, renderWithProviders } from '../../../test/render';
import { UnitChildrenQuery } from '../../units/units.graphql';
import { CreateUserMutation, UnlockAccountMutation, UsersQuery } from '../accounts.graphql';
import { CreateAccountModal } from '../components/CreateAccountModal';
import { AccountsPage } from './AccountsPage';

const unitRef = (id: string, name: string, kind: string) => ({ __typename: 'Unit', id, name, kind });
const account = (id: string, username: string, displayName: string | null, role: string, unit: ReturnType<typeof unitRef> | null, lockedUntil: string | null = null) => ({
  __typename: 'User',
  id,
  username,
  displayName,
  role,
  lockedUntil,
  unit,
});
const province = unitRef('66', 'Tỉnh Đắk Lắk', 'PROVINCE');
const existing = [
  account('1', 'huyen.krongana', 'UBND huyện Krông A Na', 'UNIT_MANAGER', unitRef('189', 'Huyện Krông A Na', 'DISTRICT')),
  account('2', 'tinh.daklak', 'Văn phòng UBND tỉnh Đắk Lắk', 'PROVINCE_ADMIN', province),
];
const created = account('9', 'xa.eabong', 'UBND xã Ea Bông', 'UNIT_REPORTER', province);

const roots = {
  request: { query: UnitChildrenQuery, variables: { parentId: null, at: null } },
  result: { data: { units: [{ __typename: 'Unit', id: '66', code: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE', level: 1 }] } },
  maxUsageCount: 10,
};

/** getByRole is slow on antd's DOM in jsdom: the field by its label, the dialog by its class. */
/** antd's async form validation re-renders slowly in jsdom. */
const SLOW = { timeout: 8000 };
const openSelect = (label: string) => fireEvent.mouseDown(screen.getByLabelText(label));
const findDialog = () => waitFor(() => document.querySelector('.ant-modal') as HTMLElement);
const options = () => [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map((o) => o.textContent);
/** antd's form inputs here answer the input event (what typing fires). */
const submit = (dialog: HTMLElement) => fireEvent.click(within(dialog).getByText('Tạo tài khoản'));

describe('AccountsPage', () => {
  it('lists the accounts of the administrator’s subtree, with role and unit', async () => {
    renderWithProviders(<AccountsPage />, {
      user: PROVINCE_ADMIN,
      mocks: [roots, { request: { query: UsersQuery, variables: { unitId: null } }, result: { data: { users: existing } } }],
    });
    expect(await screen.findByText('huyen.krongana')).toBeTruthy();
    const row = screen.getByText('huyen.krongana').closest('tr') as HTMLElement;
    expect(within(row).getByText('UBND huyện Krông A Na')).toBeTruthy();
    expect(within(row).getByText('Quản lý đơn vị')).toBeTruthy();
    expect(within(row).getByText('Huyện Krông A Na')).toBeTruthy();
    expect(screen.getByText('2 tài khoản')).toBeTruthy();
  });

  it('creates an account: checks the form, offers only the roles it may grant, a unit of its subtree, and refreshes the list', async () => {
    const create = vi.fn(() => ({ data: { createUser: created } }));
    let listed = 0;
    renderWithProviders(<AccountsPage />, {
      user: PROVINCE_ADMIN,
      mocks: [
        roots,
        { request: { query: UsersQuery, variables: { unitId: null } }, result: () => ({ data: { users: listed++ ? [...existing, created] : existing } }), maxUsageCount: 2 },
        {
          request: {
            query: CreateUserMutation,
            variables: { input: { username: 'xa.eabong', displayName: 'UBND xã Ea Bông', password: 'mat-khau-2022', role: 'UNIT_REPORTER', unitId: '66' } },
          },
          result: create,
        },
      ],
    });
    await screen.findByText('huyen.krongana');
    fireEvent.click(document.querySelector('.ant-card-extra button') as HTMLElement);
    const dialog = await findDialog();

    // Nothing filled in: every required field says what it needs.
    submit(dialog);
    expect(await within(dialog).findByText('Nhập tên đăng nhập', {}, SLOW)).toBeTruthy();
    expect(within(dialog).getByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeTruthy();
    expect(within(dialog).getByText('Chọn vai trò')).toBeTruthy();
    expect(within(dialog).getByText('Chọn đơn vị của tài khoản')).toBeTruthy();

    fireEvent.input(within(dialog).getByLabelText('Tên đăng nhập'), { target: { value: 'xã ea bông' } });
    expect(await within(dialog).findByText('Tên đăng nhập chỉ gồm chữ thường không dấu, số, “.”, “-”, “_” (3–64 ký tự).', {}, SLOW)).toBeTruthy();
    // Upper case and spaces around are forgiven: the server lower-cases and trims too.
    fireEvent.input(within(dialog).getByLabelText('Tên đăng nhập'), { target: { value: ' XA.EaBong ' } });
    fireEvent.input(within(dialog).getByLabelText('Tên hiển thị'), { target: { value: 'UBND xã Ea Bông' } });
    fireEvent.input(within(dialog).getByLabelText('Mật khẩu ban đầu'), { target: { value: 'mat-khau-2022' } });

    openSelect('Vai trò');
    await waitFor(() => expect(options()).toEqual(['Quản trị cấp tỉnh', 'Quản lý đơn vị', 'Báo cáo viên', 'Phân tích']));
    fireEvent.click(screen.getByTitle('Báo cáo viên'));
    expect(await within(dialog).findByText('Xem chỉ tiêu của đơn vị, nhập kết quả (xã, phường, thị trấn).', {}, SLOW)).toBeTruthy();

    openSelect('Đơn vị');
    const node = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-tree-node-content-wrapper')].find((n) => n.textContent === 'Tỉnh Đắk Lắk (66)');
      if (!found) throw new Error('no unit yet');
      return found;
    });
    fireEvent.click(node);

    submit(dialog);
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1), SLOW);
    expect(await screen.findByText('Đã tạo tài khoản xa.eabong.', {}, SLOW)).toBeTruthy();
    expect(await screen.findByText('3 tài khoản', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('xa.eabong').closest('tr')?.textContent).toContain('Báo cáo viên');
  }, 60_000);
});

describe('AccountsPage: locked accounts', () => {
  it('shows which account is locked out and unlocks it, then refreshes the list', async () => {
    const locked = account('3', 'xa.buontrap', 'UBND thị trấn Buôn Trấp', 'UNIT_REPORTER', unitRef('24538', 'Thị trấn Buôn Trấp', 'TOWNSHIP'), '2030-01-01T08:30:00.000Z');
    const unlock = vi.fn(() => ({ data: { unlockAccount: true } }));
    let listed = 0;
    renderWithProviders(<AccountsPage />, {
      user: PROVINCE_ADMIN,
      mocks: [
        roots,
        {
          request: { query: UsersQuery, variables: { unitId: null } },
          result: () => ({ data: { users: listed++ ? [...existing, { ...locked, lockedUntil: null }] : [...existing, locked] } }),
          maxUsageCount: 2,
        },
        { request: { query: UnlockAccountMutation, variables: { username: 'xa.buontrap' } }, result: unlock },
      ],
    });
    const row = (await screen.findByText('xa.buontrap')).closest('tr') as HTMLElement;
    expect(within(row).getByText(/^Bị khóa đến /)).toBeTruthy();
    // Only the locked account offers the button; the others read as normal.
    expect(screen.getAllByText('Mở khóa')).toHaveLength(1);
    expect(within(screen.getByText('huyen.krongana').closest('tr') as HTMLElement).getByText('Bình thường')).toBeTruthy();
    fireEvent.click(within(row).getByText('Mở khóa'));
    await waitFor(() => expect(unlock).toHaveBeenCalledTimes(1), SLOW);
    expect(await screen.findByText('Đã mở khóa tài khoản xa.buontrap.', {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Mở khóa')).toBeNull(), SLOW);
    expect(within(screen.getByText('xa.buontrap').closest('tr') as HTMLElement).getByText('Bình thường')).toBeTruthy();
  }, 30_000);
});

describe('CreateAccountModal', () => {
  it('a system administrator may grant every role; a system administrator belongs to no unit', async () => {
    renderWithProviders(<CreateAccountModal open creatorRole="SYSTEM_ADMIN" onClose={() => {}} onCreated={() => {}} />, { mocks: [roots] });
    const dialog = await findDialog();
    openSelect('Vai trò');
    await waitFor(() => expect(options()).toEqual(['Quản trị hệ thống', 'Quản trị cấp tỉnh', 'Quản lý đơn vị', 'Báo cáo viên', 'Phân tích']));
    fireEvent.click(screen.getByTitle('Quản trị hệ thống'));
    expect(await within(dialog).findByText('Quản trị hệ thống không thuộc đơn vị nào.', {}, SLOW)).toBeTruthy();
    expect(within(dialog).queryByLabelText('Đơn vị')).toBeNull();
  });
});
