// Draws the two Teams icons (run once: `node manifest/generate-icons.mjs`; the PNGs are committed).
// color.png 192×192: white shield on the accent colour. outline.png 32×32: white shield outline on
// transparent, without anti-aliasing, because Teams requires every pixel to be white or transparent.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Whether (x, y) lies in a shield filling the box [left, top, width, height]. */
function inShield(x, y, left, top, width, height) {
  const u = (x - left) / width - 0.5;
  const v = (y - top) / height;
  if (v < 0 || v > 1) return false;
  const half = v <= 0.45 ? 0.5 : 0.5 * Math.cos(((v - 0.45) / 0.55) * (Math.PI / 2));
  return Math.abs(u) <= half;
}

function draw(size, paint) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = paint(x + 0.5, y + 0.5);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

const accent = [0x1f, 0x4e, 0x8c, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];

const color = draw(192, (x, y) => {
  if (!inShield(x, y, 46, 34, 100, 124)) return accent;
  // A check mark cut out of the shield: two thick strokes.
  const onStroke = (x1, y1, x2, y2) => {
    const t = Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)));
    return Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))) <= 7;
  };
  return onStroke(72, 92, 90, 112) || onStroke(90, 112, 122, 72) ? accent : white;
});

const outline = draw(32, (x, y) => (inShield(x, y, 6, 3, 20, 26) && !inShield(x, y, 9, 6, 14, 19) ? white : clear));

writeFileSync(join(here, 'color.png'), color);
writeFileSync(join(here, 'outline.png'), outline);
