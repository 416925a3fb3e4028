// Login for the pages (dashboard, timeline): OpenID Connect authorization code flow with PKCE, as a public client.
// The access token lives in this closure only, for as long as the page is open and the token valid: never in
// localStorage, sessionStorage or a cookie. Across the redirect to the issuer only the PKCE verifier and the state
// wait in sessionStorage, and are removed when the page comes back. The pages ask WeerThuisLogin.authorization()
// for their Authorization header; elements marked data-after-login show once someone is logged in.
(function () {
  const PENDING = 'weerthuis-login-pending';
  const configuration = fetch('/login/configuration', { headers: { Accept: 'application/json' } })
    .then(response => { if (!response.ok) { throw new Error('no login configuration'); } return response.json(); });
  const discovery = configuration.then(c => fetch(c.issuer.replace(/\/$/, '') + '/.well-known/openid-configuration'))
    .then(response => { if (!response.ok) { throw new Error('the issuer does not answer'); } return response.json(); });
  let session = null; // { accessToken, idToken, expiresAt, who }
  let expiry = null;

  const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = size => base64url(crypto.getRandomValues(new Uint8Array(size)));
  const pageAddress = () => location.origin + location.pathname;
  // For display only (who is logged in): the applications verify the access token, the page trusts nothing in it.
  const claimsOf = jwt => JSON.parse(new TextDecoder().decode(Uint8Array.from(
    atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))));

  async function login() {
    const [config, issuer] = await Promise.all([configuration, discovery]);
    const verifier = random(48);
    const state = random(16);
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, page: pageAddress() }));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    location.assign(issuer.authorization_endpoint + '?' + new URLSearchParams({
      response_type: 'code', client_id: config.clientId, redirect_uri: pageAddress(), scope: 'openid profile',
      state, code_challenge: challenge, code_challenge_method: 'S256'
    }));
  }

  async function logout() {
    const idToken = session && session.idToken;
    forget();
    const [config, issuer] = await Promise.all([configuration, discovery]).catch(() => [null, null]);
    if (idToken && issuer && issuer.end_session_endpoint) {
      // The issuer ends its own session too, then sends the browser back here.
      location.assign(issuer.end_session_endpoint + '?' + new URLSearchParams({
        id_token_hint: idToken, client_id: config.clientId, post_logout_redirect_uri: pageAddress()
      }));
    } else {
      render('Uitgelogd.');
    }
  }

  function forget() {
    session = null;
    clearTimeout(expiry);
  }

  // Back from the issuer: ?code=…&state=… (or ?error=…). The address is cleaned at once, whatever happens next.
  async function complete() {
    const parameters = new URLSearchParams(location.search);
    if (!parameters.has('code') && !parameters.has('error')) {
      return null;
    }
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', location.pathname);
    if (parameters.has('error')) {
      throw new Error('Inloggen mislukt: ' + (parameters.get('error_description') || parameters.get('error')));
    }
    if (!pending || pending.state !== parameters.get('state') || pending.page !== pageAddress()) {
      throw new Error('Inloggen mislukt: het antwoord van de inlogdienst hoort niet bij deze pagina. Log opnieuw in.');
    }
    const [config, issuer] = await Promise.all([configuration, discovery]);
    const response = await fetch(issuer.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: parameters.get('code'), redirect_uri: pending.page,
        client_id: config.clientId, code_verifier: pending.verifier
      })
    });
    if (!response.ok) {
      throw new Error('Inloggen mislukt (' + response.status + '). Log opnieuw in.');
    }
    const tokens = await response.json();
    const identity = claimsOf(tokens.id_token || tokens.access_token);
    session = {
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      expiresAt: Date.now() + (tokens.expires_in || 300) * 1000,
      who: [identity.name || identity.sub, identity.org_name || identity.org].filter(Boolean).join(', ')
    };
    expiry = setTimeout(() => { forget(); render('Uw sessie is verlopen. Log opnieuw in.'); },
      session.expiresAt - Date.now());
    return session;
  }

  function button(text, id, action) {
    const b = document.createElement('button');
    b.type = 'button'; b.id = id; b.textContent = text;
    b.addEventListener('click', () => action().catch(error => render(error.message)));
    return b;
  }

  function render(message) {
    const bar = document.getElementById('login');
    if (!bar) { return; }
    const status = document.createElement('span');
    status.id = 'login-status'; status.setAttribute('role', 'status');
    status.textContent = message || '';
    if (session) {
      const who = document.createElement('span');
      who.id = 'login-who'; who.textContent = 'Ingelogd als ' + session.who;
      bar.replaceChildren(who, button('Uitloggen', 'logout-button', logout), status);
    } else {
      bar.replaceChildren(button('Inloggen', 'login-button', login), status);
    }
    document.querySelectorAll('[data-after-login]').forEach(element => { element.hidden = !session; });
  }

  const ready = complete().then(() => render(), error => { forget(); render(error.message); });

  window.WeerThuisLogin = Object.freeze({
    ready,
    login,
    logout,
    /** The Authorization header value for the API, or null when nobody is logged in (or the token expired). */
    authorization: () => session && Date.now() < session.expiresAt ? 'Bearer ' + session.accessToken : null
  });
})();
