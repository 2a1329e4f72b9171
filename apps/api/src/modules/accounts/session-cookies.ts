import type { Request, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../common/access/authenticator';
import type { IssuedSession } from './accounts.service';

/**
 * The session cookie is httpOnly (scripts never see it) and SameSite=Lax; the CSRF cookie is
 * readable by the web app, which echoes it in X-CSRF-Token. Both are Secure over https.
 */
export function setSessionCookies(request: Request, response: Response, session: IssuedSession) {
  const common = {
    sameSite: 'lax' as const,
    secure: request.secure,
    path: '/',
    expires: session.expiresAt,
  };
  response.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(response: Response) {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  response.clearCookie(CSRF_COOKIE, { path: '/' });
}
