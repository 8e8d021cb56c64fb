// The officers' web console: sign in (OpenID Connect, console/sign-in.js), then the case queue (#/cases) and one case
// (#/cases/<id>). Plain ES modules, no build step, no framework; everything goes through /api.

import { ApiError, get } from './api.js';
import { completeSignIn, forget, signedIn, signOut, startSignIn } from './sign-in.js';
import { renderCase } from './case-view.js';
import { startClock } from './dom.js';
import { ROLE_LABELS } from './labels.js';
import { renderQueue } from './queue-view.js';
import { renderReports } from './reports-page.js';

const $ = (selector) => document.querySelector(selector);
const ctx = { me: undefined, vocabulary: undefined };
let current;

function announce(text) {
  $('.status-line').textContent = text;
}

function showLogin(message) {
  ctx.me = undefined;
  $('.topnav').hidden = true;
  $('.whoami').hidden = true;
  $('.view').hidden = true;
  $('.view').replaceChildren();
  $('.login').hidden = false;
  $('.login .form-error').textContent = message || '';
  $('.sign-in').focus();
}

async function startSession() {
  const [me, vocabulary] = await Promise.all([get('/api/me'), get('/api/vocabulary')]);
  ctx.me = me;
  ctx.vocabulary = vocabulary;
  $('.login').hidden = true;
  $('.topnav').hidden = false;
  $('.whoami').hidden = false;
  $('.nav-reports').hidden = !me.can.readReports;
  $('.whoami-text').textContent = `${me.name} · ${ROLE_LABELS[me.role] || me.role}`;
  $('.view').hidden = false;
  await route();
}

async function route() {
  if (!ctx.me) return;
  const view = $('.view');
  if (!ctx.me.can.readCases) {
    view.replaceChildren();
    const note = document.createElement('p');
    note.textContent =
      'Peran admin mengoperasikan platform dan tidak membuka kasus. Gunakan endpoint /api/admin/* atau CLI.';
    const heading = document.createElement('h1');
    heading.textContent = 'Konsol petugas';
    view.append(heading, note);
    return;
  }
  const match = /^#\/cases\/([^/?#]+)$/.exec(location.hash);
  if (location.hash === '#/reports' && ctx.me.can.readReports) current = await renderReports(view, ctx);
  else
    current = match
      ? await renderCase(view, ctx, decodeURIComponent(match[1]))
      : await renderQueue(view, ctx);
  const heading = view.querySelector('h1');
  if (heading) heading.focus();
}

function wire() {
  $('.sign-in').addEventListener('click', () => {
    startSignIn().catch((failure) => showLogin(failure.message));
  });
  $('.logout').addEventListener('click', () => {
    announce('Anda telah keluar.');
    showLogin();
    void signOut();
  });
  window.addEventListener('hashchange', () => void route());
  window.addEventListener('saring:unauthenticated', (event) => {
    forget();
    showLogin(event.detail.message);
  });
  // The queue refreshes itself while visible, so new and breached cases show up without a click.
  setInterval(() => {
    if (document.visibilityState === 'visible' && current && !/^#\/cases\/./.test(location.hash))
      void current.refresh();
  }, 20000);
}

async function boot() {
  wire();
  startClock();
  try {
    const justSignedIn = await completeSignIn();
    if (!signedIn()) return showLogin();
    await startSession();
    if (justSignedIn) announce(`Masuk sebagai ${ctx.me.name}.`);
  } catch (failure) {
    forget();
    showLogin(failure instanceof ApiError ? failure.message : String(failure.message || failure));
  }
}

void boot();
