import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';

/**
 * Sends visitors without a valid session token to the sign-in page. This is only the first
 * gate: every page and procedure checks the user (and that they are still active) on the server.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/signin';
  url.search = '';
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') url.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but sign-in, one-time password links, the auth and tRPC endpoints (tRPC answers UNAUTHORIZED itself),
  // health, and static assets.
  matcher: ['/((?!signin|reset-password|api/auth|api/trpc|api/health|api/v1|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
