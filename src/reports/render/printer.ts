import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AppError, ErrorCode } from '../../errors';

/**
 * Chromium's switches for printing in a server: headless, no sandbox (containers run as root), no
 * GPU, and nothing that calls home (updates, sync, QUIC probes, background networking).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The PDF cannot be printed because the configured Chromium is not installed (HTTP 503, CLI exit 1). */
export class ChromiumUnavailableError extends AppError {
  constructor(executablePath: string) {
    super(
      `Le PDF ne peut pas être produit : Chromium est absent de ce serveur (${executablePath}). ` +
        'Le rapport reste disponible en HTML et en CSV. Installer le paquet « chromium » (node scripts/chromium.cjs ensure) ou régler CHROMIUM_PATH.',
      ErrorCode.SERVICE_UNAVAILABLE,
      { retryAfterSeconds: 3600 },
    );
  }
}

/** Whether the file is an executable the process may run. */
export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Prints HTML to PDF with the distribution's Chromium, driven by playwright-core (which never
 * downloads a browser: it is given the executable). The browser is launched on first use, in a
 * fresh user-data-dir of its own (removed on close), and kept for the next reports: a launch costs
 * about a second and a half on two cores, a page a fraction of that. Every request a page makes
 * that is not a `data:` URL is aborted, so a report can never reach the network while printing.
 */
export class ReportPrinter {
  private context: Promise<BrowserContext> | null = null;
  private userDataDir: string | null = null;

  constructor(readonly executablePath: string) {}

  /** Whether the configured Chromium is installed (checked at each call: it may be installed later). */
  available(): boolean {
    return isExecutableFile(this.executablePath);
  }

  /** Throws ChromiumUnavailableError when the configured Chromium is not installed. */
  assertAvailable(): void {
    if (!this.available()) throw new ChromiumUnavailableError(this.executablePath);
  }

  /**
   * A page of the printer's browser, locked like the printing pages: any request that is not a
   * `data:` URL is aborted. For the PDF, and for checks and screenshots; the caller closes it.
   */
  async openPage(): Promise<Page> {
    const page = await (await this.browser()).newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    return page;
  }

  /** The report as an A4 PDF; its own `@page` rules set the margins. Throws ChromiumUnavailableError. */
  async pdf(html: string): Promise<Buffer> {
    const page = await this.openPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  }

  /** Closes the browser and removes its profile; the next `pdf()` launches a new one. */
  async close(): Promise<void> {
    const context = this.context;
    this.context = null;
    if (context) await context.then((c) => c.close()).catch(() => undefined);
    if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true });
    this.userDataDir = null;
  }

  private browser(): Promise<BrowserContext> {
    this.assertAvailable();
    if (!this.context) {
      this.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-chromium-'));
      const launching = chromium.launchPersistentContext(this.userDataDir, {
        executablePath: this.executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        offline: true,
      });
      // A failed launch is not kept: the next report tries again.
      launching.catch(() => {
        if (this.context === launching) this.context = null;
      });
      this.context = launching;
    }
    return this.context;
  }
}
