import {
  consentCreateSchema,
  consentWithdrawSchema,
  duplicateWarningSchema,
  personCreateSchema,
  personErasureSchema,
  personPatchSchema,
  personViewSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { erasePerson } from './erasure.service.js';
import {
  createPerson,
  getPerson,
  listPersons,
  recordConsent,
  updatePerson,
  withdrawConsent,
} from './person.service.js';

const personParams = z.object({ id: z.string().uuid(), personId: z.string().uuid() });
const withDuplicates = z.object({ person: personViewSchema, duplicates: z.array(duplicateWarningSchema) });

export function personRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/persons',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['persons'],
          summary: 'People in a case (identity for the case team only)',
          params: idParams,
          response: { 200: z.object({ items: z.array(personViewSchema) }), ...errorResponses },
        },
      },
      async (req) => listPersons(deps, actorOf(req), requestMeta(req), req.params.id),
    );
    app.post(
      '/cases/:id/persons',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['persons'],
          summary:
            'Add a victim, witness, guardian or reporter; warns of possible duplicates in the task force',
          params: idParams,
          body: personCreateSchema,
          response: { 201: withDuplicates, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await createPerson(deps, actorOf(req), requestMeta(req), req.params.id, req.body)),
    );
    app.get(
      '/cases/:id/persons/:personId',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['persons'],
          summary: 'One person in a case',
          params: personParams,
          response: { 200: personViewSchema, ...errorResponses },
        },
      },
      async (req) => getPerson(deps, actorOf(req), requestMeta(req), req.params.id, req.params.personId),
    );
    app.patch(
      '/cases/:id/persons/:personId',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['persons'],
          summary: 'Change a person; carries the version read',
          params: personParams,
          body: personPatchSchema,
          response: { 200: withDuplicates, ...errorResponses },
        },
      },
      async (req) =>
        updatePerson(deps, actorOf(req), requestMeta(req), req.params.id, req.params.personId, req.body),
    );
    app.post(
      '/cases/:id/persons/:personId/erase',
      {
        preValidation: authorize('person.erase'),
        schema: {
          tags: ['persons'],
          summary:
            "Erase a person's identifying data on their request, with a reason (coordinators of the case team; the anonymous fields stay; audited without the erased values)",
          params: personParams,
          body: personErasureSchema,
          response: { 200: personViewSchema, ...errorResponses },
        },
      },
      async (req) =>
        erasePerson(deps, actorOf(req), requestMeta(req), req.params.id, req.params.personId, req.body),
    );
    app.post(
      '/cases/:id/persons/:personId/consents',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['persons'],
          summary: 'Record what the person agreed to (HTCDS AgreementToManagePersonalData)',
          params: personParams,
          body: consentCreateSchema,
          response: { 201: personViewSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await recordConsent(
              deps,
              actorOf(req),
              requestMeta(req),
              req.params.id,
              req.params.personId,
              req.body,
            ),
          ),
    );
    app.post(
      '/cases/:id/persons/:personId/consents/:consentId/withdraw',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['persons'],
          summary: 'Record that a consent was withdrawn',
          params: personParams.extend({ consentId: z.string().uuid() }),
          body: consentWithdrawSchema,
          response: { 200: personViewSchema, ...errorResponses },
        },
      },
      async (req) =>
        withdrawConsent(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.personId,
          req.params.consentId,
          req.body.withdrawnOn,
        ),
    );
  };
}
