// After `vite build`: writes name.gz (gzip, level 9) and name.br (Brotli, quality 11) next to
// every .js, .css, .html and .svg file in dist/, with Node's own zlib (no dependency).
// `steward serve` sends the one the browser accepts (core/src/http/static_files.cpp). A
// compressed file that would not be smaller is not written. Prints the plain, gzip and Brotli
// totals (docs/performance.md records them).
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const kinds = new Set(['.js', '.css', '.html', '.svg']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (kinds.has(extname(name))) yield path;
  }
}

const totals = { plain: 0, gzip: 0, brotli: 0, files: 0 };
for (const path of files(dist)) {
  const plain = readFileSync(path);
  const packed = {
    '.gz': gzipSync(plain, { level: 9 }),
    '.br': brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    }),
  };
  totals.plain += plain.length;
  totals.files += 1;
  for (const [suffix, bytes] of Object.entries(packed)) {
    const smaller = bytes.length < plain.length;
    if (smaller) writeFileSync(path + suffix, bytes);
    else if (existsSync(path + suffix)) rmSync(path + suffix);
    totals[suffix === '.gz' ? 'gzip' : 'brotli'] += smaller ? bytes.length : plain.length;
  }
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`compressed ${totals.files} files: ${kb(totals.plain)} plain, ${kb(totals.gzip)} gzip, ${kb(totals.brotli)} brotli`);
