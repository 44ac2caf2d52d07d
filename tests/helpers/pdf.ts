import { execFileSync } from 'node:child_process';

/**
 * A PDF's text and page count, read by pdf-parse 2 in a plain Node child process: pdf-parse loads
 * pdf.js's worker with a dynamic import(), which Jest's module sandbox refuses without
 * --experimental-vm-modules.
 */
export function readPdf(pdf: Buffer): { text: string; pages: number } {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const reader = new PDFParse({ data: Buffer.concat(chunks) });
      const { text, total } = await reader.getText();
      await reader.destroy();
      process.stdout.write(JSON.stringify({ text, pages: total }));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { input: pdf, cwd: __dirname, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return JSON.parse(out) as { text: string; pages: number };
}
