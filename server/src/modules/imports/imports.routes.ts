import {
  IMPORT_FIELDS,
  importFieldsSchema,
  importJobSchema,
  importMappingInputSchema,
  importPreviewSchema,
  REQUIRED_IMPORT_FIELDS,
  savedMappingSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { readUpload } from '../attachments/attachment.http.js';
import {
  dryRunImport,
  getImport,
  listImports,
  previewImport,
  runImport,
  savedMappings,
  setImportMapping,
  uploadRegister,
} from './imports.service.js';

export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/imports/fields',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary: 'The fields a register column can be mapped to, and which are required',
          response: { 200: importFieldsSchema, ...errorResponses },
        },
      },
      async () => ({
        fields: IMPORT_FIELDS.map((field) => ({ field, required: REQUIRED_IMPORT_FIELDS.includes(field) })),
      }),
    );

    app.get(
      '/imports/mappings',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary: "The task force's saved column mappings, for registers of a layout seen before",
          response: { 200: z.object({ items: z.array(savedMappingSchema) }), ...errorResponses },
        },
      },
      async (req) => savedMappings(deps, actorOf(req)),
    );

    app.get(
      '/imports',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary: "The caller's recent imports",
          response: { 200: z.object({ items: z.array(importJobSchema) }), ...errorResponses },
        },
      },
      async (req) => listImports(deps, actorOf(req), requestMeta(req)),
    );

    app.post(
      '/imports',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary:
            'Upload a legacy register (multipart field `file`): XLSX or CSV, one row per victim, a header row first, at most 5,000 rows; kept encrypted until imported',
          consumes: ['multipart/form-data'],
          response: { 201: importJobSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { filename, data } = await readUpload(req);
        return reply
          .status(201)
          .send(await uploadRegister(deps, actorOf(req), requestMeta(req), { filename, data }));
      },
    );

    app.get(
      '/imports/:id',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary:
            'An import: status, progress (poll while running) and the report of rejected and skipped rows',
          params: idParams,
          response: { 200: importJobSchema, ...errorResponses },
        },
      },
      async (req) => getImport(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    app.get(
      '/imports/:id/preview',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary: 'The first five rows as the current (or suggested) mapping reads them (audited)',
          params: idParams,
          response: { 200: importPreviewSchema, ...errorResponses },
        },
      },
      async (req) => previewImport(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    app.put(
      '/imports/:id/mapping',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary:
            'Map file columns to fields (optionally saved under a name for reuse); a new mapping needs a new dry run',
          params: idParams,
          body: importMappingInputSchema,
          response: { 200: importJobSchema, ...errorResponses },
        },
      },
      async (req) => setImportMapping(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );

    app.post(
      '/imports/:id/dry-run',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary:
            'Validate every row with the rules of the case and person forms; nothing is stored but the report',
          params: idParams,
          response: { 200: importJobSchema, ...errorResponses },
        },
      },
      async (req) => dryRunImport(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    app.post(
      '/imports/:id/run',
      {
        preValidation: authorize('import.run'),
        schema: {
          tags: ['imports'],
          summary:
            'Import a dry-run register in batches (one transaction each); rows whose import key was imported before are skipped. Poll GET /imports/:id for progress',
          params: idParams,
          response: { 202: importJobSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await runImport(deps, actorOf(req), requestMeta(req), req.params.id)),
    );
  };
}
