#!/usr/bin/env node
/**
 * Draws the app's icons into client/public/icons (run by hand: `node src/pwa/make-icons.mjs`,
 * the PNGs are committed): a target — white rings on the theme's blue — in PNG at 192 and 512
 * (the manifest's "any" icons, a rounded square), 512 maskable (full bleed, the target inside
 * the 80 % safe circle), 180 for iOS's home screen, and an SVG favicon. Plain zlib, no image library.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/icons');
const BLUE = [0x15, 0x54, 0xb4];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xb7, 0x1c, 0x1c];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (size × size × 4) → PNG bytes. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The colour at (x, y) of a unit square (0..1), or null (transparent): rings of a target whose
 * outer radius is `r`, on a background that is a rounded square (radius `corner`) or full bleed.
 */
function shade(x, y, { r, corner, bleed }) {
  if (!bleed) {
    const dx = Math.max(corner - x, 0, x - (1 - corner));
    const dy = Math.max(corner - y, 0, y - (1 - corner));
    if (Math.hypot(dx, dy) > corner) return null;
  }
  const d = Math.hypot(x - 0.5, y - 0.5) / r;
  if (d <= 0.2) return RED; // the bull's-eye: the red of the app's name
  if (d <= 1 && Math.floor((d - 0.2) / 0.2) % 2 === 0) return WHITE;
  return BLUE;
}

/** Anti-aliased by 4×4 supersampling. */
function draw(size, opts) {
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, opts);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const i = (y * size + x) * 4;
      if (a) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round((255 * a) / (S * S));
    }
  return png(size, px);
}

fs.mkdirSync(OUT, { recursive: true });
const any = { r: 0.36, corner: 0.2, bleed: false };
fs.writeFileSync(path.join(OUT, 'icon-192.png'), draw(192, any));
fs.writeFileSync(path.join(OUT, 'icon-512.png'), draw(512, any));
// Maskable: the launcher crops to its own shape; everything that matters within the 40 % radius.
fs.writeFileSync(path.join(OUT, 'maskable-512.png'), draw(512, { r: 0.3, corner: 0, bleed: true }));
fs.writeFileSync(path.join(OUT, 'apple-touch-icon-180.png'), draw(180, { r: 0.36, corner: 0, bleed: true }));
const rings = [1, 0.8, 0.6, 0.4, 0.2]
  .map((k, i) => `<circle cx="32" cy="32" r="${(23 * k).toFixed(1)}" fill="#${(i === 4 ? RED : i % 2 ? BLUE : WHITE).map((v) => v.toString(16).padStart(2, '0')).join('')}"/>`)
  .join('');
fs.writeFileSync(
  path.join(OUT, 'favicon.svg'),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="13" fill="#1554b4"/>${rings}</svg>\n`,
);
console.log(`icons written to ${OUT}`);
