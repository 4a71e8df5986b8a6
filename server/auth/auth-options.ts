import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { authenticate } from './authenticate';

/** Error codes the sign-in form translates. */
export const SIGN_IN_LOCKED = 'locked';

function clientAddressOf(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  if (typeof forwarded !== 'string' || !forwarded) return null;
  return forwarded.split(',')[0]?.trim() || null;
}

/**
 * next-auth with e-mail + password and signed JWT sessions (no server-side session store, so
 * app servers stay stateless). The token carries only the user id: role, team and the active
 * flag are read from the database on every request (see loadActiveUser). The token also carries
 * the user's session epoch at sign-in: a password change or deactivation bumps it, which ends
 * every older session.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? '';
        const password = credentials?.password ?? '';
        if (!email || !password) return null;
        const result = await authenticate(await getDb(), {
          email,
          password,
          clientAddress: clientAddressOf(req?.headers),
        });
        if (result.ok) return { id: String(result.userId), sessionEpoch: result.sessionEpoch };
        if (result.reason === 'locked') throw new Error(SIGN_IN_LOCKED);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionEpoch = (user as { sessionEpoch?: number }).sessionEpoch ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      const epoch = typeof token.sessionEpoch === 'number' ? token.sessionEpoch : 0;
      return { ...session, userId: token.sub ? Number(token.sub) : null, sessionEpoch: epoch };
    },
  },
};
