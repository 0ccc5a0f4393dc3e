import { ctdcQuerySchema, ctdcSummarySchema, htcdsQuerySchema, simfoniQuerySchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { ctdcExport, ctdcNote, ctdcSummary, ctdcValues } from './ctdc.service.js';
import { htcdsExport } from './htcds.service.js';
import { simfoniWorkbook } from './simfoni.service.js';
import { CSV_TYPE, csvStream, XLSX_TYPE, xlsxStream } from './tabular.js';

const attachment = (name: string) => `attachment; filename="${name}"`;

export function exportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/exports/ctdc/summary',
      {
        preValidation: authorize('export.ctdc'),
        schema: {
          tags: ['exports'],
          summary:
            'What a CTDC release of the period would hold: k, rows released and suppressed, generalisations',
          querystring: ctdcQuerySchema,
          response: { 200: ctdcSummarySchema, ...errorResponses },
        },
      },
      async (req) => ctdcSummary(deps, actorOf(req), req.query),
    );

    app.get(
      '/exports/ctdc',
      {
        preValidation: authorize('export.ctdc'),
        schema: {
          tags: ['exports'],
          summary:
            "The task force's victims of the period as the k-anonymous CTDC data set (CSV or XLSX, with a note on suppression and generalisation; audited)",
          querystring: ctdcQuerySchema,
        },
      },
      async (req, reply) => {
        const meta = requestMeta(req);
        const { summary, columns, rows } = await ctdcExport(deps, actorOf(req), meta, req.query);
        const note = ctdcNote(summary, meta.lang);
        const onError = (err: unknown) => req.log.error({ err }, 'CTDC export failed while streaming');
        const values = () => ctdcValues(columns, rows);
        const base = `ctdc-${req.query.from}-${req.query.to}-k${summary.k}`;
        reply
          .header('x-ctdc-k', String(summary.k))
          .header('x-ctdc-released', String(summary.releasedRows))
          .header('x-ctdc-suppressed', String(summary.suppressedRows))
          .header('x-ctdc-generalisations', summary.generalisations.join(',') || 'none');
        if (req.query.format === 'csv')
          return reply
            .header('content-type', CSV_TYPE)
            .header('content-disposition', attachment(`${base}.csv`))
            .send(csvStream(columns, values, onError, note));
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment(`${base}.xlsx`))
          .send(
            xlsxStream(
              [
                { name: 'CTDC', columns, rows: values },
                {
                  name: meta.lang === 'id' ? 'Catatan' : 'Note',
                  columns: [meta.lang === 'id' ? 'Catatan' : 'Note'],
                  rows: () => note.map((n) => [n]),
                },
              ],
              onError,
            ),
          );
      },
    );

    app.get(
      '/exports/htcds',
      {
        preValidation: authorize('export.htcds'),
        schema: {
          tags: ['exports'],
          summary:
            "The task force's cases, persons (victim context), perpetrators and trafficking events in HTCDS field names: XLSX with one sheet per table, or one table as CSV. Identifying fields only for roles that may see them, filled on the caller's own team cases (audited)",
          querystring: htcdsQuerySchema,
        },
      },
      async (req, reply) => {
        const result = await htcdsExport(deps, actorOf(req), requestMeta(req), req.query);
        const onError = (err: unknown) => req.log.error({ err }, 'HTCDS export failed while streaming');
        const base = `htcds-${req.query.from}-${req.query.to}`;
        reply
          .header('x-export-identifying', String(result.identifying))
          .header('x-export-cases', String(result.counts.cases));
        if (req.query.format === 'csv') {
          const t = result.tables[0]!;
          return reply
            .header('content-type', CSV_TYPE)
            .header('content-disposition', attachment(`${base}-${t.table}.csv`))
            .send(csvStream(t.columns, t.rows, onError));
        }
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment(`${base}.xlsx`))
          .send(
            xlsxStream(
              result.tables.map((t) => ({ name: t.table, columns: t.columns, rows: t.rows })),
              onError,
            ),
          );
      },
    );

    app.get(
      '/exports/simfoni.xlsx',
      {
        preValidation: authorize('export.simfoni'),
        schema: {
          tags: ['exports'],
          summary:
            'Counts of the period by SIMFONI PPA categories (violence type, age band by sex, education, place, perpetrator relation, services) and the cases carrying a SIMFONI number, as XLSX (audited)',
          querystring: simfoniQuerySchema,
        },
      },
      async (req, reply) => {
        const buffer = await simfoniWorkbook(deps, actorOf(req), requestMeta(req), req.query);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', attachment(`simfoni-${req.query.from}-${req.query.to}.xlsx`))
          .send(buffer);
      },
    );
  };
}
