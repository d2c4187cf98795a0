/** One quoting helper per generated language: shell, YAML/Compose, nginx, nftables (JSON is JSON.stringify). */
export { heredocToFile, RenderError, shellAssign, shellComment, shellQuote } from "./shell";
export { composeString, dotenvLine, yamlString } from "./yaml";
export { nginxPath, nginxString } from "./nginx";
export { nftComment } from "./nft";
