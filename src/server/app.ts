import type { DeviceKindRegistration } from './access/caller';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_JSON_BODY_BYTES } from '../shared/limits';
import { auditRoutes } from './audit/audit.routes';
import { accountRoutes } from './auth/account.routes';
import { authRoutes } from './auth/auth.routes';
import { mfaRoutes } from './auth/mfa.routes';
import { ssoRoutes } from './auth/sso.routes';
import type { Deps } from './deps';
import { AppError } from './errors';
import { checkinAccessRoutes } from './features/checkin/checkin-access.routes';
import { checkinDeviceKinds } from './features/checkin/checkin-devices';
import { checkinSubmitRoutes } from './features/checkin/checkin-submit.routes';
import { checkinTeacherRoutes } from './features/checkin/checkin-teacher.routes';
import { planBoardRoutes } from './features/plan/plan-board.routes';
import { planExportRoutes } from './features/plan/plan-export.routes';
import { gettingStartedRoutes } from './features/getting-started/getting-started.routes';
import { privacyStatementRoutes } from './features/privacy-statement/privacy-statement.routes';
import { privacyRegisterRoutes } from './features/privacy-register/privacy-register.routes';
import { subjectErasureRoutes } from './features/privacy-register/subject-erasure.routes';
import { subjectExportRoutes } from './features/privacy-register/subject-export.routes';
import { schoolEffectRoutes } from './features/evaluation/school-effect.routes';
import { boardEffectRoutes } from './features/evaluation/board-effect.routes';
import { researchRoutes } from './features/research/research.routes';
import { careRoutes } from './features/care/care.routes';
import { careFiguresRoutes } from './features/care/care-figures.routes';
import { careRetentionRoutes } from './features/care/care-retention.routes';
import { careExportRoutes } from './features/care/care-export.routes';
import { careAceCategoriesRoutes } from './features/care/care-ace-categories.routes';
import { careScreeningWordingRoutes } from './features/care/care-screening-wordings';
import { careConversationRoutes } from './features/care/care-conversations.routes';
import { careMeldcodeRoutes } from './features/care/care-meldcode.routes';
import { careReferralRoutes } from './features/care/care-referrals.routes';
import { parentContactRoutes } from './features/parents/parent-contacts.routes';
import { parentDeviceKind } from './features/parents/parent-access.service';
import { parentPageRoutes } from './features/parents/parent-page.routes';
import { parentsRoutes } from './features/parents/parents.routes';
import { classGroupRoutes } from './features/sociogram/class-group.routes';
import { sociogramRoutes } from './features/sociogram/sociogram.routes';
import { regulationPupilRoutes } from './features/regulation/regulation-pupils.routes';
import { regulationRoutes } from './features/regulation/regulation.routes';
import { windowLessonRoutes } from './features/regulation/window-lessons.routes';
import { partnersRoutes } from './features/partners/partners.routes';
import { competenceRoutes } from './features/team/competence.routes';
import { intervisionRoutes } from './features/team/intervision.routes';
import { onboardingRoutes } from './features/team/onboarding.routes';
import { journalRoutes } from './features/team/journal.routes';
import { pulseRoutes } from './features/team/pulse.routes';
import { questionnaireAnswerRoutes } from './features/questionnaires/questionnaire-answers.routes';
import { questionnairePupilRoutes } from './features/questionnaires/questionnaire-pupils.routes';
import { questionnaireWaveRoutes } from './features/questionnaires/questionnaire-waves.routes';
import { planPreferencesRoutes } from './features/plan/plan-preferences.routes';
import { trainingRoutes } from './features/plan/training.routes';
import { planRoutes } from './features/plan/plan.routes';
import { pupilsRoutes } from './features/pupils/pupils.routes';
import { schoolYearRoutes } from './features/school-year/school-year.routes';
import { selfscanReportRoutes } from './features/selfscan/selfscan-report.routes';
import { schoolSettingsRoutes } from './features/school-settings/school-settings.routes';
import { selfscanHistoryRoutes } from './features/selfscan/selfscan-history.routes';
import { selfscanRoutes } from './features/selfscan/selfscan.routes';
import { ensureShippedModels } from './features/selfscan/selfscan.service';
import { ensureShippedProfiles } from './features/team/competence.service';
import { setupRoutes } from './features/setup/setup.routes';
import { staffRoutes } from './features/staff/staff.routes';
import { tenancyRoutes } from './features/tenancy/tenancy.routes';
import { installAuthHooks } from './http/auth-hooks';
import { cspNonceSource, installSecurityHeaders } from './http/security-headers';
import { installErrorHandler, sendFrameworkError } from './http/error-handler';
import { installJsonBodyParser } from './http/json-body-parser';
import { databaseRateLimitStore } from './http/rate-limit-store';
import { installTextGuard } from './http/text-guard';
import type { App } from './http/fastify-types';
import { installRequestIds, loggerOptions, requestIdOf } from './http/logging';
import { metricsRoutes } from './http/metrics.routes';
import { systemRoutes } from './http/system.routes';
import { webRoutes } from './http/web.routes';
import { outboxRoutes } from './mail/outbox.routes';
import { installRequestMetrics } from './metrics';

/** Options for building the app; tests pass a silent logger. */
export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** An existing logger to use (main.ts shares one with the mailer); wins over `logger`. */
  loggerInstance?: FastifyBaseLogger;
  /** Folder with the built SPA (index.html + assets); defaults to dist/web. */
  webRoot?: string;
}

/** Builds the whole HTTP application around the given dependencies (does not listen). */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? loggerOptions(deps.config.logLevel) }),
    // Small for every route; only the CSV upload routes set a larger one of their own.
    bodyLimit: MAX_JSON_BODY_BYTES,
    trustProxy: deps.config.trustProxy,
    genReqId: requestIdOf,
    // Duplicated or unknown JSON keys are refused by the schemas; prototype pollution attempts by the
    // parser (json-body-parser.ts asks Fastify's parser for the same setting).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  // First, so every later hook, and every log line they write, runs with the request's id.
  installRequestIds(app);
  installRequestMetrics(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installJsonBodyParser(app);

  await app.register(fastifyCookie);
  // Helmet's headers, worked out once at start (http/security-headers.ts): @fastify/helmet built them anew for every request.
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Only scripts carrying this response's nonce, and what they load ('self' for browsers without strict-dynamic).
        scriptSrc: [cspNonceSource, "'strict-dynamic'", "'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: deps.config.publicUrl?.startsWith('https://') ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
    // In the database, so the limits hold across several servers on one PostgreSQL (http/rate-limit-store.ts).
    store: databaseRateLimitStore(deps),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Groeiwijzer API', version: '0.1.0', description: 'API of Groeiwijzer (trauma-sensitive education).' },
    },
    transform: jsonSchemaTransform,
  });

  // Anything that may carry personal data must not be kept by browsers or proxies. A callback hook, not an async
  // one: it runs for every answer, and has nothing to wait for.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') || request.url === '/healthz') reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  installAuthHooks(app, deps, [...checkinDeviceKinds, parentDeviceKind as DeviceKindRegistration]);
  installTextGuard(app);
  // The shipped development models and competence profiles are reference data: stored once at start, so no read
  // ever writes them.
  await ensureShippedModels(deps.db.kysely, deps.clock.now());
  await ensureShippedProfiles(deps.db.kysely, deps.clock.now());

  await app.register(async (api) => {
    await systemRoutes(api, deps);
    await metricsRoutes(api, deps);
    await setupRoutes(api, deps);
    await authRoutes(api, deps);
    await mfaRoutes(api, deps);
    await ssoRoutes(api, deps);
    await accountRoutes(api, deps);
    await tenancyRoutes(api, deps);
    await staffRoutes(api, deps);
    await pupilsRoutes(api, deps);
    await schoolYearRoutes(api, deps);
    await selfscanRoutes(api, deps);
    await selfscanHistoryRoutes(api, deps);
    await schoolSettingsRoutes(api, deps);
    await selfscanReportRoutes(api, deps);
    await outboxRoutes(api, deps);
    await auditRoutes(api, deps);
    await checkinAccessRoutes(api, deps);
    await checkinSubmitRoutes(api, deps);
    await checkinTeacherRoutes(api, deps);
    await trainingRoutes(api, deps);
    await planBoardRoutes(api, deps);
    await planRoutes(api, deps);
    await planExportRoutes(api, deps);
    await planPreferencesRoutes(api, deps);
    await gettingStartedRoutes(api, deps);
    await privacyStatementRoutes(api, deps);
    await privacyRegisterRoutes(api, deps);
    await subjectExportRoutes(api, deps);
    await subjectErasureRoutes(api, deps);
    await questionnaireWaveRoutes(api, deps);
    await questionnaireAnswerRoutes(api, deps);
    await questionnairePupilRoutes(api, deps);
    await schoolEffectRoutes(api, deps);
    await boardEffectRoutes(api, deps);
    await researchRoutes(api, deps);
    await careRoutes(api, deps);
    await careFiguresRoutes(api, deps);
    await careRetentionRoutes(api, deps);
    await careExportRoutes(api, deps);
    await careAceCategoriesRoutes(api, deps);
    await careScreeningWordingRoutes(api, deps);
    await careConversationRoutes(api, deps);
    await careReferralRoutes(api, deps);
    await careMeldcodeRoutes(api, deps);
    await parentContactRoutes(api, deps);
    await parentsRoutes(api, deps);
    await parentPageRoutes(api, deps);
    await classGroupRoutes(api, deps);
    await sociogramRoutes(api, deps);
    await regulationPupilRoutes(api, deps);
    await regulationRoutes(api, deps);
    await windowLessonRoutes(api, deps);
    await partnersRoutes(api, deps);
    await competenceRoutes(api, deps);
    await intervisionRoutes(api, deps);
    await onboardingRoutes(api, deps);
    await pulseRoutes(api, deps);
    await journalRoutes(api, deps);
  });
  await webRoutes(app, options.webRoot);
  return app;
}
