// Writes docs/screenshot.png: the app at 1280x900 with a sample complaint and reply, for the
// README. Same server and browser as run.mjs:
//
//   cargo build -p tact-cli && scripts/build-web && node tests/browser/screenshot.mjs [out.png]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, openApp, root, setComplaint, setReply, startServer } from './lib.mjs';

const COMPLAINT = "This is the third time I'm writing about this. My card was stolen and someone is spending money right now! I need it blocked immediately.";
const REPLY = "We're sorry that you are having this problem. As I already explained, you need to read the instructions. Is there anything else wrong?";

const out = path.resolve(root, process.argv[2] ?? 'docs/screenshot.png');
let server;
let browser;
try {
  server = await startServer();
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await openApp(page, server.base);
  await setComplaint(page, COMPLAINT);
  await setReply(page, REPLY);
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(300); // let the gauge transition finish
  await mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
}
