import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadError, downloadFile, filenameFrom } from './download';

describe('filenameFrom', () => {
  it('prefers the RFC 5987 name, keeping Vietnamese', () => {
    expect(filenameFrom(`attachment; filename="Phu luc 2022.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%202022.xlsx`)).toBe('Phụ lục 2022.xlsx');
    expect(filenameFrom('attachment; filename="Phu luc 2022.xlsx"')).toBe('Phu luc 2022.xlsx');
    expect(filenameFrom(`attachment; filename="a.xlsx"; filename*=UTF-8''%E0%A4%A.xlsx`)).toBe('a.xlsx');
    expect(filenameFrom(null)).toBeNull();
  });
});

describe('downloadFile', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the cookie with the CSRF header, no token, and saves the file under the name the server gives', async () => {
    localStorage.setItem('chitieu.token', 'tok-1'); // a token left by an older version is never sent
    const fetch = vi.fn(
      async () =>
        new Response(new Blob(['xlsx']), {
          status: 200,
          headers: { 'content-disposition': `attachment; filename="x.xlsx"; filename*=UTF-8''Ti%E1%BA%BFn%20%C4%91%E1%BB%99.xlsx` },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    URL.createObjectURL = vi.fn(() => 'blob:1');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('Tiến độ.xlsx');
    });
    await downloadFile('/export/progress.xlsx?planId=1', 'fallback.xlsx');
    expect(fetch).toHaveBeenCalledWith('/export/progress.xlsx?planId=1', { headers: expect.objectContaining({ 'apollo-require-preflight': 'true' }), credentials: 'same-origin' });
    expect((fetch.mock.calls[0] as unknown as [string, { headers: Record<string, string> }])[1].headers).not.toHaveProperty('authorization');
    localStorage.removeItem('chitieu.token');
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
  });

  it('fails with the server’s message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị hoặc bạn không có quyền xem' } }, { status: 404 })),
    );
    const err = await downloadFile('/export/x.xlsx', 'x.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect(err).toMatchObject({ status: 404, message: 'Không tìm thấy đơn vị hoặc bạn không có quyền xem' });
  });
});
