// Regenerates docs/screenshots/: the demo published with each bundled theme, shown by Chromium
// at desktop (1280 px) and phone (390 px) widths, light and dark. Run: npm run screenshots
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadFully, openBrowser } from '../examples/demo/browser.ts';
import { publishDemo } from '../examples/demo/publish-demo.ts';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
await mkdir(out, { recursive: true });

const shots: Array<{ theme: string; width: number; scheme: 'light' | 'dark' }> = [
  { theme: 'default', width: 1280, scheme: 'light' },
  { theme: 'default', width: 390, scheme: 'light' },
  { theme: 'default', width: 1280, scheme: 'dark' },
  { theme: 'classic', width: 1280, scheme: 'light' },
  { theme: 'classic', width: 390, scheme: 'light' },
];

for (const theme of new Set(shots.map((s) => s.theme))) {
  const demo = await publishDemo(theme);
  try {
    for (const shot of shots.filter((s) => s.theme === theme)) {
      const browser = await openBrowser(shot.width, shot.scheme);
      try {
        const page = await browser.newPage();
        await loadFully(page, demo.site);
        const name = `${theme}-${shot.width}${shot.scheme === 'dark' ? '-dark' : ''}.png`;
        await page.screenshot({ path: `${out}${name}` });
        console.log(`screenshots: wrote docs/screenshots/${name}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await demo.close();
  }
}
