/** One quoting helper per generated language: shell, YAML/Compose, nginx, Caddyfile, nftables (JSON is JSON.stringify). */
export { heredocToFile, RenderError, shellAssign, shellComment, shellQuote } from "./shell";
export { composeString, dotenvLine, yamlString } from "./yaml";
export { caddyPrefixMatcher, caddySiteAddress, caddyUpstream, isRoutePrefix } from "./caddy";
export { nginxPath, nginxString } from "./nginx";
export { nftComment } from "./nft";
