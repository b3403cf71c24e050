import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../shared/error-codes';
import { AppError, httpStatusOf } from '../errors';
import { errorMessage, pickLocale } from '../i18n/messages';
import type { App } from './fastify-types';

/** Installs the one error handler and the JSON 404, so every error has the same shape. */
export function installErrorHandler(app: App): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, fields } = classify(error);
    const status = httpStatusOf(code);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // Who was refused what (ASVS 16.3.2): the user id only — never a name, address or input.
    else request.log.info({ code, reqId: request.id, route: request.routeOptions.url, userId: request.caller?.kind === 'staff' ? request.caller.userId : undefined }, 'request refused');
    return sendError(request, reply, code, fields);
  });
}

/**
 * Answers the router's own refusals (a malformed %-escape, a path segment longer than the router
 * accepts) with the same error shape as every other refusal; pass it as Fastify's `frameworkErrors`.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // The router answers before any hook ran, so the request's language is not known yet.
  request.locale = pickLocale(request.headers['accept-language']);
  return sendError(request, reply, error.code === 'FST_ERR_ASYNC_CONSTRAINT' ? 'internal_error' : 'malformed_request');
}

/** Sends `{"error":{code,message,fields}}` with the message in the request's language. */
export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields?: Record<string, string[]>) {
  const body: ErrorBody = { error: { code, message: errorMessage(code, request.locale) } };
  if (fields && Object.keys(fields).length > 0) body.error.fields = fields;
  // The error body is plain JSON; bypass the route's response schema, which describes success.
  return reply.code(httpStatusOf(code)).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

function classify(error: FastifyError): { code: ErrorCode; fields?: Record<string, string[]> } {
  if (error instanceof AppError) return { code: error.code, ...(error.fields ? { fields: error.fields } : {}) };
  if (isResponseSerializationError(error)) return { code: 'internal_error' };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string[]> = {};
    for (const issue of error.validation) {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
      const key = `${error.validationContext ?? 'body'}${path === '_' ? '' : `.${path}`}`;
      (fields[key] ??= []).push(issue.message ?? 'invalid');
    }
    return { code: 'validation_failed', fields };
  }
  if (error.validation) return { code: 'validation_failed' };
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type' };
    default:
      break;
  }
  if (error.statusCode === 429) return { code: 'rate_limited' };
  if (error.statusCode === 413) return { code: 'payload_too_large' };
  if (error.statusCode === 415) return { code: 'unsupported_media_type' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return { code: 'malformed_request' };
  return { code: 'internal_error' };
}
