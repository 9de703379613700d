import { NextResponse, type NextRequest } from "next/server";
import { ALLOWED_HOSTS_ENV, hostRefusal, parseAllowedHosts } from "@/lib/core/http/allowed-hosts";
import { newNonce, NONCE_HEADER, pagePolicy } from "@/lib/core/http/content-security-policy";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";

const allowedHost = parseAllowedHosts(process.env[ALLOWED_HOSTS_ENV]);

/**
 * Pages only (see the matcher): a fresh CSP nonce per request, which Next applies to its
 * inline scripts (it reads the nonce from the request's Content-Security-Policy header) and
 * the root layout to the theme script. The production server checks PROMPTLY_ALLOWED_HOSTS
 * for every route before this runs; here it covers pages under `next dev` too.
 */
export function proxy(request: NextRequest) {
  if (allowedHost && !allowedHost(request.headers.get("host"))) {
    const { status, body } = hostRefusal(request.headers.get("host"));
    return NextResponse.json(body, { status });
  }
  const nonce = newNonce();
  const policy = pagePolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  // For the sign-in redirect of a server page, which cannot see its own URL otherwise.
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc");
  headers.set(REQUEST_PATH_HEADER, `${asked.pathname}${asked.search}`);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the JSON routes, not the build's static files (they carry no inline script).
      source: "/((?!v1/|api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
