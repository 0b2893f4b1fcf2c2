import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every user-facing message lives in the domain's catalogue (packages/domain/src/messages), in
 * Vietnamese and English. This reads every string literal of server/src (not specs) and fails on
 * Vietnamese text written anywhere else, unless an entry below says why it is not a message.
 */
const ROOT = join(__dirname, '..');

/** Vietnamese letters: a breve, circumflex, horn, hook above, tilde or dot below, or đ (an acute or grave alone is French too). */
const VIETNAMESE = /[\u0302\u0303\u0306\u0309\u031b\u0323đĐ]/;
/** The product's name is a proper noun in any language. */
const PRODUCT_NAME = /Chỉ tiêu/g;

interface Allowance {
  /** The file (path under server/src, forward slashes). */
  where: RegExp;
  /** The literal (templates with `{}` for each substitution); any literal of the file without it. */
  literal?: RegExp;
  why: string;
}

const ALLOWED: Allowance[] = [
  { where: /^modules\/seed\//, why: 'seed data: demo units, accounts, indicators and plans, stored as written' },
  {
    where: /^modules\/units\/(register-import|register-parse|reform-import|reform-sources)\.ts$/,
    why: "unit names, kinds and the register's column headers the importers read from the Ministry's files",
  },
  { where: /^cli\/index\.ts$/, literal: /Đắk Lắk|Mã PX|Phường Xã/, why: "the CLI's help names the demo province and the register's column headers" },
  { where: /^modules\/spreadsheets\/(annex|progress)\.workbook\.ts$/, why: 'the annex and the progress sheet are Vietnamese administrative documents, not messages' },
  { where: /^modules\/spreadsheets\/export\.service\.ts$/, literal: /^(Phụ lục|Tiến độ) /, why: "an exported document's file name, in the document's language" },
  {
    where: /^modules\/spreadsheets\/import/,
    literal: /^(Mã đơn vị|Tên đơn vị|Kết quả năm trước \(cơ sở\)|Số hồ sơ trực tuyến|Tổng số hồ sơ|Điểm|Kết quả)$/,
    why: 'column headers of the import template: the words the import recognises in a file',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('__') ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.(spec|test|d)\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The text of every string and template literal of a file (comments and regular expressions are not literals). */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}');
    if (text !== null) {
      if (!(ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent))) {
        found.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isVietnamese(text: string): boolean {
  return VIETNAMESE.test(text.replace(PRODUCT_NAME, '').normalize('NFD'));
}

describe('the message catalogue is the only place messages are written', () => {
  const files = sourceFiles(ROOT).map((path) => ({ path, name: relative(ROOT, path).split(sep).join('/') }));
  const found = files.flatMap(({ path, name }) =>
    literals(path)
      .filter((l) => isVietnamese(l.text))
      .map((l) => ({ file: name, ...l })),
  );

  it('reads the whole server', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => f.name)).toContain('common/errors.ts');
    // The detector itself: a message is found, a comment is not, the product name alone is not.
    expect(isVietnamese('Vui lòng đăng nhập.')).toBe(true);
    expect(isVietnamese('mật khẩu dài tối đa {max} ký tự')).toBe(true);
    expect(isVietnamese('Chỉ tiêu is ready')).toBe(false);
    expect(isVietnamese('Invalid input: café')).toBe(false);
  });

  it('finds no Vietnamese text outside the catalogue but what the allow-list explains', () => {
    const unexplained = found.filter(({ file, text }) => !ALLOWED.some((a) => a.where.test(file) && (!a.literal || a.literal.test(text))));
    expect(unexplained.map(({ file, line, text }) => `${file}:${line} ${JSON.stringify(text)}`)).toEqual([]);
  });

  it('gives a reason for every allowance', () => {
    for (const a of ALLOWED) expect(a.why.length, String(a.where)).toBeGreaterThan(20);
  });
});
