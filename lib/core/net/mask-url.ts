/** Query parameters whose values are credentials often enough to hide them from readers. */
const SECRET_PARAM = /key|token|secret|password|passwd|pwd|auth|credential|signature|sig$|^code$/i;

const MASK = "****";

/**
 * A URL as someone who may read but not manage it sees it: userinfo and secret-looking
 * query values replaced by ****, everything else (host, path, other parameters) kept so the
 * destination is still recognisable. Text that is not a URL is masked whole.
 */
export function maskUrlSecrets(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return MASK;
  }
  const userinfo = url.username || url.password ? `${MASK}@` : "";
  let search = "";
  if (url.search) {
    const pairs = url.search.slice(1).split("&").map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_PARAM.test(decodeSafely(name)) ? `${name}=${MASK}` : pair;
    });
    search = `?${pairs.join("&")}`;
  }
  const path = url.pathname === "/" && !value.replace(/[?#].*$/, "").endsWith("/") ? "" : url.pathname;
  return `${url.protocol}//${userinfo}${url.host}${path}${search}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
