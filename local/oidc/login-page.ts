/** The local provider's sign-in form: plain HTML, no script, the officer id and password only. */
export function loginPage(options: {
  action: string;
  clientId: string;
  error?: string;
  username?: string;
}): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Masuk · Saring (local sign-in)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;font-size:1rem}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem}.error{color:#a00}</style></head>
<body><h1>Saring</h1><p>Local sign-in for <code>${escape(options.clientId)}</code>. Officers and passwords: <code>.data/oidc/officer-passwords.txt</code>.</p>
${options.error ? `<p class="error" role="alert">${escape(options.error)}</p>` : ''}
<form method="post" action="${escape(options.action)}" autocomplete="off">
<label for="username">Officer id</label><input id="username" name="username" required value="${escape(options.username ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Masuk</button></form></body></html>`;
}
