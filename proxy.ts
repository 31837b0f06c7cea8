import { type NextRequest, NextResponse } from 'next/server';

/** The cookie that names the browser's draft (see lib/draft). It holds a random id, nothing else. */
const DRAFT_COOKIE = 'wizard-draft';
const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Every page gets a Content-Security-Policy that allows nothing but this server (with a per-request
 * nonce for the inline scripts Next.js writes), and a draft id cookie so that the draft store can
 * tell browsers apart. The page never contacts another host.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);

  const existing = request.cookies.get(DRAFT_COOKIE)?.value;
  const draftId = existing && DRAFT_ID.test(existing) ? null : crypto.randomUUID();
  if (draftId) {
    // Server components read cookies from the request: give them the new id on this very request.
    const others = (request.headers.get('cookie') ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter((c) => c && !c.startsWith(`${DRAFT_COOKIE}=`));
    requestHeaders.set('cookie', [...others, `${DRAFT_COOKIE}=${draftId}`].join('; '));
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('X-Frame-Options', 'DENY');
  if (draftId) {
    response.cookies.set(DRAFT_COOKIE, draftId, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      // A year: the draft must outlive a browser restart at the customer site.
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
