/**
 * Draws the toolbar icons (a speech-bubble card over a dotted underline) as PNGs with no image
 * library: the shapes are simple enough to rasterise with anti-aliasing by supersampling.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at a point of the unit square. */
function shade(u: number, v: number): [number, number, number, number] {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const inBar = (y0: number, y1: number, x0: number, x1: number) => v >= y0 && v <= y1 && u >= x0 && u <= x1;
  if (inBar(0.28, 0.38, 0.2, 0.8) || inBar(0.47, 0.57, 0.2, 0.62)) return [255, 255, 255, 255];
  if (inBar(0.7, 0.78, 0.2, 0.8) && Math.floor((u - 0.2) / 0.1) % 2 === 0) return [255, 213, 79, 255];
  return [26, 84, 170, 255];
}

const out = join(import.meta.dirname, '../public/icons');
for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  writeFileSync(
    join(out, `${size}.png`),
    png(size, (x, y) => {
      const acc = [0, 0, 0, 0];
      for (let i = 0; i < ss; i++)
        for (let j = 0; j < ss; j++) {
          const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          for (let k = 0; k < 4; k++) acc[k]! += c[k]! * (k < 3 ? c[3]! / 255 : 1);
        }
      const a = acc[3]! / (ss * ss);
      return a === 0
        ? [0, 0, 0, 0]
        : [
            (acc[0]! / ((a * ss * ss) / 255)) | 0,
            (acc[1]! / ((a * ss * ss) / 255)) | 0,
            (acc[2]! / ((a * ss * ss) / 255)) | 0,
            a | 0,
          ];
    }),
  );
}
