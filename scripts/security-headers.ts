/**
 * The page's Content-Security-Policy, in one place: the build writes it into index.html as a
 * `<meta http-equiv>` (vite.config.ts), and the servers of this project (`vite preview`,
 * `npm run serve:lan`, the end-to-end tests' static server) also send it as a header, as a
 * host of the static build should (docs/deploy.md).
 *
 * Everything comes from the page's own origin: no inline script or style, no third-party
 * origin, no plugin, no `<base>`, no form submission. `data:` and `blob:` images are allowed
 * for Chart.js canvases and downloads made in the page. Chart.js sets element styles through
 * the CSSOM (element.style.height = ...), which style-src does not restrict; style attributes in
 * markup would be refused, and the app writes none.
 */

/** The policy a `<meta http-equiv="Content-Security-Policy">` can carry. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * frame-ancestors (no other site may frame the page) is ignored in a meta element
 * (https://www.w3.org/TR/CSP3/#meta-element), so only the header carries it.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** The headers a host of the static build should send with every file. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
