// links.js -- which article URLs the dashboard renders as links: http and
// https only (a stored "javascript:" or "data:" URL is shown as nothing).
export function linkable(url) {
  return typeof url === "string" && /^https?:\/\/[^\s]/i.test(url) ? url : null;
}
