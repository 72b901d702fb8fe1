#!/bin/sh
# The dashboard links an article's URL only when it is http or https: a
# stored "javascript:" or "data:" URL is never rendered as a link.
set -u
node --input-type=module -e '
import { linkable } from "./web/src/links.js";
const cases = [["https://example.org/a", true], ["HTTP://example.org", true], ["javascript:alert(1)", false],
  [" javascript:alert(1)", false], ["JaVaScRiPt:alert(1)", false], ["data:text/html,x", false],
  ["//evil.example", false], ["", false], [null, false], ["http://", false]];
let bad = 0;
for (const [u, ok] of cases) if ((linkable(u) !== null) !== ok) { console.log("wrong for " + JSON.stringify(u)); bad = 1; }
process.exit(bad);
'
