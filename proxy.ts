import { type NextRequest, NextResponse } from 'next/server';

import { GATE_HEADERS, gateState } from '@/lib/session/protocol';

/**
 * Every page gets a Content-Security-Policy that allows nothing but this server (with a per-request
 * nonce for the inline scripts Next.js writes). The page never contacts another host.
 *
 * Sign-in, the host and origin checks and the body limits happen before, in the wizard's server
 * (server/gate.ts), which marks each request it let through; a request without that mark (the
 * application started without the wizard's server, e.g. `next start`) is refused here.
 */
export function proxy(request: NextRequest) {
  const gate = gateState();
  if (!gate || request.headers.get(GATE_HEADERS.secret) !== gate.secret) {
    return new NextResponse(
      'Start the wizard with its own server (npm start, or node server.js in the built folder).\n',
      {
        status: 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      },
    );
  }
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

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('X-Frame-Options', 'DENY');
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
