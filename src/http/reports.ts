import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { LimitsConfig } from '../config';
import { AppError, ErrorCode } from '../errors';
import {
  errorPageHtml,
  kindOfSegment,
  renderReportCsv,
  renderReportHtml,
  reportFileBase,
  reportIndexHtml,
  toReportRequest,
  defaultReportYear,
  type BuildReport,
  type ReportLink,
  type ReportPrinter,
  type ReportRequest,
} from '../reports';

/**
 * The territory reports over HTTP, for the club's staff in a browser: GET /reports (the index),
 * /reports/{commune|epci|department}/:code (HTML), …/report.pdf and …/report.csv, with `?year=`.
 * Public documents (aggregates, and public buyers' figures only), so no authentication; counted by
 * the anonymous rate limit like the rest. Errors are French pages (plain text for the CSV), never
 * a stack, a path or a driver's text.
 */
export interface ReportRoutesOptions {
  buildReport: BuildReport;
  /** The department and EPCIs the index lists. */
  findLinks: () => Promise<{ department: ReportLink | null; epcis: ReportLink[] }>;
  printer: ReportPrinter;
  logger: Logger;
  rateLimit: LimitsConfig['rateLimit'];
  /** PDFs printed at once; more get 503 with Retry-After (each holds a Chromium page and a core). */
  maxConcurrentPdfs?: number;
}

/**
 * A report page loads nothing: no script, font, image or style from anywhere but itself. Stricter
 * than the service's default policy, and what the tests check in Chromium.
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PDF_RETRY_AFTER_SECONDS = 5;

type Format = 'html' | 'pdf' | 'csv';

/** Status, title and message of an error, in French, from its code; unknown errors are masked. */
function describeError(error: unknown): { status: number; title: string; message: string; retryAfter?: number } {
  if (error instanceof AppError) {
    switch (error.extensions.code) {
      case ErrorCode.NOT_FOUND:
        return {
          status: 404,
          title: 'Territoire introuvable',
          message:
            'Ce territoire n’est pas dans le graphe de Maillon. Vérifier le code, ou choisir un territoire dans la liste des rapports.',
        };
      case ErrorCode.BAD_USER_INPUT:
        return { status: 400, title: 'Demande invalide', message: error.message };
      case ErrorCode.SERVICE_UNAVAILABLE:
      case ErrorCode.TIMEOUT: {
        const given = error.extensions.retryAfterSeconds;
        const retryAfter = typeof given === 'number' && given > 0 ? Math.ceil(given) : 2;
        const message = /[àâéèêîôûç]/.test(error.message)
          ? error.message
          : 'La base de données du graphe ne répond pas pour le moment ; réessayer dans un instant.';
        return { status: 503, title: 'Service momentanément indisponible', message, retryAfter };
      }
      default:
        break;
    }
  }
  return {
    status: 500,
    title: 'Erreur interne',
    message: 'Le rapport n’a pas pu être produit. L’erreur est enregistrée dans le journal du service.',
  };
}

function sendError(res: Response, format: Format, status: number, title: string, message: string, retryAfter?: number): void {
  if (retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
  res.setHeader('cache-control', 'no-store');
  if (format === 'csv') res.status(status).type('text/plain; charset=utf-8').send(`${title} : ${message}\n`);
  else
    res
      .status(status)
      .type('text/html; charset=utf-8')
      .send(errorPageHtml(status, title, message));
}

/** Answers the request's failure in its format; logs what is not the client's doing. */
function failWith(res: Response, req: Request, format: Format, logger: Logger, error: unknown): void {
  const described = describeError(error);
  if (described.status >= 500) (req.log ?? logger).error({ err: error }, 'territory report failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, format, described.status, described.title, described.message, described.retryAfter);
}

/** The anonymous rate limit, answered in French (the rest of the service answers JSON). */
function reportRateLimit(config: LimitsConfig['rateLimit']): RequestHandler {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.anonymousMax,
    skip: () => config.anonymousMax === 0,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(config.windowMs / 1000);
      const format: Format = req.path.endsWith('.csv') ? 'csv' : 'html';
      sendError(res, format, 429, 'Trop de demandes', `Trop de demandes depuis cette adresse : réessayer dans ${seconds} s.`, seconds);
    },
  });
}

function reportHeaders(res: Response): void {
  res.setHeader('content-security-policy', REPORT_CONTENT_SECURITY_POLICY);
  // A report is computed from live data: proxies may not keep it, browsers may revalidate.
  res.setHeader('cache-control', 'private, max-age=0, must-revalidate');
}

/** The routes under /reports. */
export function reportRoutes(options: ReportRoutesOptions): Router {
  const { buildReport, printer, logger } = options;
  const maxPdfs = options.maxConcurrentPdfs ?? 2;
  let pdfsPrinting = 0;
  const router = express.Router({ strict: false });
  router.use(reportRateLimit(options.rateLimit));
  router.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      next();
      return;
    }
    res.setHeader('allow', 'GET, HEAD');
    sendError(res, 'html', 405, 'Méthode non permise', 'Les rapports se lisent en GET.');
  });

  router.get('/', async (req, res) => {
    try {
      const links = await options.findLinks();
      reportHeaders(res);
      res.type('text/html; charset=utf-8').send(reportIndexHtml(links.department, links.epcis, defaultReportYear()));
    } catch (error) {
      failWith(res, req, 'html', logger, error);
    }
  });

  const requestOf = (req: Request): ReportRequest => {
    const kind = kindOfSegment(String(req.params.kind));
    if (!kind) throw new NotAReportKind();
    const year = typeof req.query.year === 'string' ? req.query.year : undefined;
    return toReportRequest(kind, String(req.params.code), year);
  };

  const serve = (format: Format) => async (req: Request, res: Response, next: NextFunction) => {
    let request: ReportRequest;
    try {
      request = requestOf(req);
    } catch (error) {
      if (error instanceof NotAReportKind) {
        next();
        return;
      }
      failWith(res, req, format, logger, error);
      return;
    }
    if (format === 'pdf') {
      try {
        printer.assertAvailable();
      } catch (error) {
        failWith(res, req, format, logger, error);
        return;
      }
      if (pdfsPrinting >= maxPdfs) {
        sendError(
          res,
          'html',
          503,
          'Service occupé',
          `Des PDF sont déjà en cours d’impression ; réessayer dans ${PDF_RETRY_AFTER_SECONDS} s.`,
          PDF_RETRY_AFTER_SECONDS,
        );
        return;
      }
      pdfsPrinting += 1;
    }
    try {
      const report = await buildReport(request);
      const base = reportFileBase(request);
      reportHeaders(res);
      if (format === 'csv') {
        res.setHeader('content-disposition', `attachment; filename="${base}.csv"`);
        res.type('text/csv; charset=utf-8').send(renderReportCsv(report));
        return;
      }
      const html = await renderReportHtml(report);
      if (format === 'html') {
        res.type('text/html; charset=utf-8').send(html);
        return;
      }
      const pdf = await printer.pdf(html);
      res.setHeader('content-disposition', `inline; filename="${base}.pdf"`);
      res.type('application/pdf').send(pdf);
    } catch (error) {
      failWith(res, req, format, logger, error);
    } finally {
      if (format === 'pdf') pdfsPrinting -= 1;
    }
  };

  router.get('/:kind/:code', serve('html'));
  router.get('/:kind/:code/report.pdf', serve('pdf'));
  router.get('/:kind/:code/report.csv', serve('csv'));
  router.use((_req, res) => {
    sendError(
      res,
      'html',
      404,
      'Page introuvable',
      'Cette adresse ne correspond à aucun rapport. Les rapports sont sous /reports/epci/<SIREN>, /reports/commune/<INSEE> et /reports/department/<code>.',
    );
  });
  return router;
}

/** A /reports/<segment>/… whose segment names no kind of territory: answered by the router's 404. */
class NotAReportKind extends Error {}
