// Screenshots of the main pages against a running server: `node scripts/screenshots.mjs [http://localhost:4300]`.
// Needs Debian's chromium (/usr/bin/chromium); writes client/screenshots/*.png.
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4300';
const out = path.resolve(import.meta.dirname, '../screenshots');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function gql(token, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()).data;
}
const { login } = await gql(null, 'mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}', { u: 'tinh.daklak', p: 'chitieu-demo' });
const { plans } = await gql(login.token, '{ plans { id year status } }');
const plan22 = plans.find((p) => p.year === 2022).id;
const plan24 = plans.find((p) => p.year === 2024).id;
const { plan } = await gql(login.token, 'query($id:ID!){ plan(id:$id) { indicators { indicator { id code } } } }', { id: plan22 });
const online22 = plan.indicators.find((i) => i.indicator.code === 'DLK22-ONLINE-RATE').indicator.id;

async function session(username, locale = 'vi') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${username}] page error:`, e.message));
  await page.goto(`${base}/login`);
  if (locale === 'en') await page.evaluate(() => localStorage.setItem('chitieu.locale', 'en'));
  await page.reload();
  await page.getByLabel(locale === 'en' ? 'Username' : 'Tên đăng nhập').fill(username);
  await page.getByLabel(locale === 'en' ? 'Password' : 'Mật khẩu').fill('chitieu-demo');
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'Đăng nhập' }).click();
  await page.waitForURL(`${base}/`);
  return { context, page };
}
const shot = async (page, name, opts = {}) => {
  await page.waitForTimeout(opts.wait ?? 800);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: opts.fullPage ?? false });
  console.log('wrote', name);
};

// Login page
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/plans`);
  await page.waitForURL(/\/login\?next=/);
  await shot(page, '01-login');
  await context.close();
}

// Province administrator
{
  const { context, page } = await session('tinh.daklak');
  await page.getByText('Tất cả kế hoạch').waitFor();
  await shot(page, '02-home-province');
  await page.getByRole('link', { name: /giao chỉ tiêu số hóa hồ sơ/ }).last().click();
  await page.getByText('Bảng giao chỉ tiêu').waitFor();
  await page.getByText('Sở Nội vụ').first().waitFor();
  await shot(page, '03-plan-2022-matrix-province');
  await page.goto(`${base}/plans/${plan24}`);
  await page.getByText('Ban hành kế hoạch').waitFor();
  await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
  await shot(page, '04-plan-2024-draft-tasks');
  await page.getByRole('button', { name: /Ban hành kế hoạch/ }).click();
  await shot(page, '05-plan-2024-issue-confirm', { wait: 500 });
  await page.getByRole('button', { name: 'Hủy' }).click();
  await page.goto(`${base}/progress?planId=${plan22}&indicatorId=${online22}`);
  await page.getByText('Kết quả các đơn vị trực thuộc so với chỉ tiêu').waitFor();
  await shot(page, '06-dashboard-province', { wait: 2500, fullPage: true });
  await page.goto(`${base}/units`);
  await page.getByPlaceholder(/Tìm đơn vị/).fill('buon trap');
  await page.getByText(/kết quả/).first().waitFor();
  await page.getByText('Thị trấn Buôn Trấp').first().click();
  await shot(page, '07-units-search', { wait: 1500 });
  await page.goto(`${base}/playground`);
  await page.locator('.graphiql-container').waitFor();
  await page.waitForTimeout(2500);
  await page.locator('.graphiql-execute-button').click();
  await shot(page, '08-playground', { wait: 2500 });
  await context.close();
}

// District manager: sub-assigns the issued 2022 plan to its communes
{
  const { context, page } = await session('huyen.krongana');
  await page.goto(`${base}/plans/${plan22}/cascade?indicatorId=${online22}`);
  await page.getByText(/đơn vị trực thuộc/).first().waitFor();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await shot(page, '09-cascade-rule');
  await page.getByRole('button', { name: 'Chạy thử' }).click();
  await page.getByText(/lỗi, .* cảnh báo/).waitFor();
  await shot(page, '10-cascade-preview', { fullPage: true });
  await page.getByLabel('Giá trị nhập tay Xã Ea Bông').fill('35');
  await page.getByText(/thấp hơn mức sàn 40%/).first().waitFor();
  await shot(page, '11-cascade-below-floor-refused');
  await page.getByLabel('Giá trị nhập tay Xã Ea Bông').fill('');
  await page.getByRole('button', { name: 'Chạy thử lại' }).click();
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Áp dụng' }).click();
  await page.getByText(/Đã áp dụng/).waitFor();
  await shot(page, '12-cascade-applied');
  await page.goto(`${base}/plans/${plan22}`);
  await page.getByText('Thị trấn Buôn Trấp').first().waitFor();
  await page.getByRole('button', { name: 'Sửa chỉ tiêu 2 của Xã Ea Na' }).click();
  await page.getByLabel('Sửa chỉ tiêu 2 của Xã Ea Na').fill('45,5');
  await page.keyboard.press('Enter');
  await page.getByText('PAST_DEADLINE').first().waitFor();
  await shot(page, '13-plan-2022-matrix-district-edited', { wait: 1200 });
  await page.getByLabel('Lịch sử thay đổi Xã Ea Na').click();
  await page.getByText(/Sửa 40% → 45,5%/).waitFor();
  await shot(page, '13b-target-history', { wait: 600 });
  await context.close();
}

// Commune reporter
{
  const { context, page } = await session('xa.buontrap');
  await page.getByText(/Chỉ tiêu của/).first().waitFor();
  await page.getByText('Kết quả đến nay').waitFor();
  await shot(page, '14-home-reporter', { wait: 2500 });
  await page.goto(`${base}/results`);
  const b = page.getByLabel(/Tử số \(b\)/).first();
  await b.waitFor();
  await b.fill('812');
  await page.getByLabel(/Mẫu số \(a\)/).first().fill('1000');
  await shot(page, '15-results-entry');
  await context.close();
}

// Province again: who has sub-assigned
{
  const { context, page } = await session('tinh.daklak');
  await page.goto(`${base}/plans/${plan22}`);
  await page.getByRole('tab', { name: 'Tiến độ giao xuống cấp dưới' }).click();
  await page.getByText(/đã giao/).first().waitFor();
  await shot(page, '17-sub-assignment-province');
  await context.close();
}

// Analyst, in English
{
  const { context, page } = await session('phantich.daklak', 'en');
  await page.goto(`${base}/progress?planId=${plan22}&indicatorId=${online22}`);
  await page.getByText('Results of the units below against the target').waitFor();
  await shot(page, '16-dashboard-analyst-en', { wait: 2500, fullPage: true });
  await context.close();
}

await browser.close();
