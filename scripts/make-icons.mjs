// Draws Sift's toolbar icon (a sieve: a rounded blue square with three highlight bars of
// falling length) at every size the manifest needs and writes PNGs to public/icons/.
// Deterministic and dependency-free: `node scripts/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size, 1 / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
// Signed distance to a rounded rectangle centred at (cx, cy).
const roundRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r, qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const cover = (d, px) => Math.max(0, Math.min(1, 0.5 - d / px));
function icon(x, y, px) {
  const bg = cover(roundRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.18), px);
  if (bg === 0) return [0, 0, 0, 0];
  let [r, g, b] = [59, 91, 219];
  const bars = [[0.28, 0.62], [0.5, 0.46], [0.72, 0.3]];
  for (const [cy, w] of bars) {
    const a = cover(roundRect(x, y, 0.5, cy, w / 2, 0.065, 0.065), px);
    const color = cy === 0.5 ? [250, 204, 21] : [255, 255, 255];
    r = r * (1 - a) + color[0] * a; g = g * (1 - a) + color[1] * a; b = b * (1 - a) + color[2] * a;
  }
  return [Math.round(r), Math.round(g), Math.round(b), Math.round(255 * bg)];
}
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size, icon));
console.log('wrote public/icon/{16,32,48,96,128}.png');
