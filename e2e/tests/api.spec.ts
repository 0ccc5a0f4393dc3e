import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

test('the API: sign-in, CSRF refusal, admin-only users list, sign-out', async ({ request }) => {
  const anonymous = await request.get('/api/v1/users');
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe('unauthenticated');

  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'analis.bappeda', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const session = await login.json();
  expect(session.user.username).toBe('analis.bappeda');
  expect(session.user.roles).toEqual(['analyst']);
  expect(session.permissions).not.toContain('user.manage');
  expect(typeof session.csrfToken).toBe('string');

  // A state change without the CSRF token is refused, whatever the cookie says.
  const withoutToken = await request.post('/api/v1/auth/logout');
  expect(withoutToken.status()).toBe(403);
  expect((await withoutToken.json()).error.code).toBe('csrf_failed');
  const wrongToken = await request.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': 'forged' } });
  expect(wrongToken.status()).toBe(403);

  const users = await request.get('/api/v1/users', { headers: { 'Accept-Language': 'en' } });
  expect(users.status()).toBe(403);
  const refusal = await users.json();
  expect(refusal.error.code).toBe('forbidden');
  expect(refusal.error.message).toBe('You are not allowed to do this.');
  expect(typeof refusal.requestId).toBe('string');

  // What the analyst may read still works.
  const agencies = await request.get('/api/v1/agencies');
  expect(agencies.status()).toBe(200);
  expect((await agencies.json()).total).toBeGreaterThan(0);

  const logout = await request.post('/api/v1/auth/logout', {
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  expect(logout.status()).toBe(204);
  const after = await request.get('/api/v1/auth/me');
  expect(after.status()).toBe(401);
});

test('the OpenAPI document lists the agencies route and the API docs render', async ({ request }) => {
  const openapi = await request.get('/api/openapi.json');
  expect(openapi.status()).toBe(200);
  const document = await openapi.json();
  expect(Object.keys(document.paths)).toContain('/api/v1/agencies');
  expect(Object.keys(document.paths['/api/v1/agencies'])).toEqual(expect.arrayContaining(['get', 'post']));

  const docs = await request.get('/api/docs');
  expect(docs.status()).toBe(200);
  expect(docs.headers()['content-type']).toContain('text/html');
  expect(await docs.text()).toContain('<html');
});
