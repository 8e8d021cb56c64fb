import crypto from 'node:crypto';
import { z } from 'zod';
import { SignInConfig } from '../api/routes/auth-routes';
import { completeSignInForm } from '../test/support/oidc/sign-in-by-form';
import { newPkce } from '../lib/pkce';

/** The officers the rehearsal's stand-in for Cognito knows, by the part each plays in the case. */
export interface CaseOfficers {
  readonly verifier: Credentials;
  readonly drafter: Credentials;
  /** A second supervisor: approval is four-eyes. */
  readonly approver: Credentials;
}
interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Texts the case carries that must never reach the Temporal database in clear (the codec encrypts them). */
export interface CaseSecrets {
  readonly detectionText: string;
  readonly detectionReason: string;
  readonly verdictReason: string;
  readonly statementBody: string;
}

export interface DrivenCase {
  readonly caseId: string;
  readonly secrets: CaseSecrets;
  /** Where the publishing simulator (the outside world) serves the clarification. */
  readonly publishedUrl: string;
}

/** Runs one named, timed sub-step (the rehearsal's step clock). */
export type RunStep = <T>(name: string, body: () => Promise<T>) => Promise<T>;

/** The CLI client's loopback redirect; the sign-in stops at the redirect, nothing listens on it. */
const CLI_REDIRECT = 'http://localhost:1/callback';
const CASE_TIMEOUT_MS = 120_000;

const TokenAnswer = z.object({ access_token: z.string().min(1) });
const CaseView = z
  .object({
    caseId: z.string(),
    stage: z.string(),
    deadlines: z.array(z.object({ id: z.string() }).loose()),
    tracks: z
      .object({
        clarification: z
          .object({
            status: z.string(),
            publication: z
              .object({ publications: z.array(z.object({ channel: z.string(), url: z.string() })) })
              .optional(),
          })
          .loose()
          .optional(),
      })
      .loose(),
    outcome: z.object({ resolution: z.string() }).loose().optional(),
  })
  .loose();
type CaseView = z.infer<typeof CaseView>;

/**
 * Drives one hoax case from detection to closure through the API alone, as officers would: each officer signs in
 * through the sign-in settings the API publishes (authorization code + PKCE on the provider's real form), then
 * detection → verification (claim, verdict HOAKS) → action (clarification drafted, approved by a second
 * supervisor, published by the publishing simulator) → closure.
 */
export async function driveOneCase(
  apiUrl: string,
  officers: CaseOfficers,
  step: RunStep,
): Promise<DrivenCase> {
  const run = crypto.randomBytes(4).toString('hex');
  const secrets: CaseSecrets = {
    detectionText: `Rehearsal ${run}: beredar kabar air PDAM Banjarmasin tercampur racun`,
    detectionReason: `rehearsal ${run}: pesan berantai di grup warga`,
    verdictReason: `rehearsal ${run}: PDAM Bandarmasih membantah, hasil uji lab normal`,
    statementBody: `Faktanya (${run}), air PDAM aman diminum. Saring sebelum sharing.`,
  };

  const tokens = await step('sign in three officers through the API sign-in settings (OIDC form, PKCE)', () =>
    signInAll(apiUrl, officers),
  );
  const api = apiClient(apiUrl);

  const caseId = await step('detection submitted by the verifier (POST /api/detections)', async () => {
    const answer = await api.post(tokens.verifier, '/api/detections', {
      url: `https://www.facebook.com/rehearsal-${run}`,
      text: secrets.detectionText,
      region: 'banjarmasin',
      reason: secrets.detectionReason,
    });
    const { caseId } = z.object({ caseId: z.string() }).parse(answer);
    await waitForCase(
      api,
      tokens.verifier,
      caseId,
      'in verification with its deadline',
      (state) => state.stage === 'verification' && state.deadlines.length > 0,
    );
    return caseId;
  });

  await step(`verification of ${caseId}: claimed, verdict HOAKS`, async () => {
    await api.action(tokens.verifier, caseId, 'assignVerifier', { assignee: officers.verifier.username });
    await api.action(tokens.verifier, caseId, 'submitVerdict', {
      verdict: { kind: 'hoax', label: 'HOAKS', reasons: [secrets.verdictReason], publicResponse: false },
    });
    await waitForCase(
      api,
      tokens.drafter,
      caseId,
      'the clarification track open for drafting',
      (state) => state.tracks.clarification?.status === 'drafting',
    );
  });

  await step('action: clarification drafted, approved by a second supervisor (four-eyes)', async () => {
    await api.action(tokens.drafter, caseId, 'draftStatement', {
      kind: 'clarification',
      title: `[HOAKS] Air PDAM tercampur racun (${run})`,
      body: secrets.statementBody,
      pillar: 'digital_safety',
      channels: ['website'],
    });
    await api.action(tokens.approver, caseId, 'approveStatement', { kind: 'clarification', revision: 1 });
  });

  return step('closure: published by the publishing simulator, case closed', async () => {
    const closed = await waitForCase(
      api,
      tokens.approver,
      caseId,
      'closed',
      (state) => state.stage === 'closed',
    );
    const publication = closed.tracks.clarification?.publication?.publications[0];
    if (closed.tracks.clarification?.status !== 'published' || !publication) {
      throw new Error(`${caseId} closed without a published clarification: ${JSON.stringify(closed.tracks)}`);
    }
    const page = await fetch(publication.url);
    const html = await page.text();
    if (page.status !== 200 || !html.includes(run)) {
      throw new Error(
        `The publishing simulator does not serve the clarification at ${publication.url} (${page.status})`,
      );
    }
    return { caseId, secrets, publishedUrl: publication.url };
  });
}

async function signInAll(
  apiUrl: string,
  officers: CaseOfficers,
): Promise<Record<keyof CaseOfficers, string>> {
  const response = await fetch(new URL('/api/auth/config', apiUrl));
  const settings = SignInConfig.parse(await response.json());
  const entries = await Promise.all(
    (Object.keys(officers) as (keyof CaseOfficers)[]).map(
      async (part) => [part, await signIn(settings, officers[part])] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<keyof CaseOfficers, string>;
}

/** One officer through the provider's form with the CLI's client id (what `saring login` does in a browser). */
async function signIn(settings: SignInConfig, officer: Credentials): Promise<string> {
  const pkce = newPkce();
  const authorize = new URL(settings.authorizationEndpoint);
  authorize.search = new URLSearchParams({
    client_id: settings.cliClientId,
    response_type: 'code',
    redirect_uri: CLI_REDIRECT,
    scope: 'openid',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state: pkce.state,
  }).toString();
  const outcome = await completeSignInForm(authorize.href, CLI_REDIRECT, officer);
  if (!('redirect' in outcome)) {
    throw new Error(`${officer.username} could not sign in: the form answered ${outcome.status}`);
  }
  const code = outcome.redirect.searchParams.get('code');
  if (!code || outcome.redirect.searchParams.get('state') !== pkce.state) {
    throw new Error(`${officer.username}'s sign-in came back without a code: ${outcome.redirect.href}`);
  }
  const answer = await fetch(settings.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CLI_REDIRECT,
      client_id: settings.cliClientId,
      code_verifier: pkce.verifier,
    }).toString(),
  });
  const body: unknown = await answer.json();
  if (!answer.ok)
    throw new Error(`token exchange for ${officer.username}: ${answer.status} ${JSON.stringify(body)}`);
  return TokenAnswer.parse(body).access_token;
}

function apiClient(apiUrl: string) {
  const call = async (token: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    // A timer of our own, cleared at once: a pending AbortSignal.timeout would keep a test runner alive.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    const response = await fetch(new URL(path, apiUrl), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: controller.signal,
    }).finally(() => clearTimeout(timer));
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 400)}`);
    return JSON.parse(text) as unknown;
  };
  return {
    get: (token: string, path: string) => call(token, 'GET', path),
    post: (token: string, path: string, body: unknown) => call(token, 'POST', path, body),
    action: (token: string, caseId: string, name: string, body: unknown) =>
      call(token, 'POST', `/api/cases/${encodeURIComponent(caseId)}/actions/${name}`, body),
  };
}

async function waitForCase(
  api: ReturnType<typeof apiClient>,
  token: string,
  caseId: string,
  what: string,
  done: (state: CaseView) => boolean,
): Promise<CaseView> {
  const deadline = Date.now() + CASE_TIMEOUT_MS;
  let last: CaseView | undefined;
  for (;;) {
    last = CaseView.parse(await api.get(token, `/api/cases/${encodeURIComponent(caseId)}`));
    if (done(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `${caseId} not ${what} after ${CASE_TIMEOUT_MS / 1000}s (stage ${last.stage}); see the worker's log`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
