/**
 * Main process. A horizontal bar chart as a PNG, drawn pixel by pixel: the report shows shares at a
 * glance, and the table beside it carries the names and numbers (so the image needs no text, and no
 * font or canvas library). PNG is written with node:zlib's deflate.
 */
import { deflateSync } from 'node:zlib';

export const PALETTE = ['2F5597', 'C55A11', '548235', 'BF9000', '7030A0', '2E75B6', 'A5A5A5', '843C0C'];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

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

/** An RGB image as PNG bytes. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface BarChart {
  png: Buffer;
  width: number;
  height: number;
}

/** One bar per value, in PALETTE's colours in order, scaled to the largest, on a light grid. */
export function barChart(values: number[], width = 640, bar = 26, gap = 10): BarChart {
  const height = Math.max(1, values.length) * (bar + gap) + gap;
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const fill = (x0: number, y0: number, w: number, h: number, hex: string) => {
    const r = parseInt(hex.slice(0, 2), 16);
    const g = parseInt(hex.slice(2, 4), 16);
    const b = parseInt(hex.slice(4, 6), 16);
    for (let y = y0; y < y0 + h; y++)
      for (let x = x0; x < x0 + w; x++) {
        const i = (y * width + x) * 3;
        rgb[i] = r;
        rgb[i + 1] = g;
        rgb[i + 2] = b;
      }
  };
  const max = Math.max(1, ...values);
  const left = 4;
  const span = width - left - 8;
  for (let q = 0; q <= 4; q++) fill(left + Math.round((span * q) / 4), 0, 1, height, 'D9D9D9');
  values.forEach((v, i) => {
    const w = Math.max(v > 0 ? 2 : 0, Math.round((span * v) / max));
    fill(left, gap + i * (bar + gap), w, bar, PALETTE[i % PALETTE.length]!);
  });
  fill(left, 0, 1, height, '595959');
  return { png: encodePng(width, height, rgb), width, height };
}
