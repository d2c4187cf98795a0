import { BUCKET_TYPES, CORS_TYPES } from "../lib/buckets";
import { resourcePolicy } from "../lib/policy";
import { at, records, strings, UNKNOWN } from "../lib/values";

const WRITE_METHODS = new Set(["PUT", "POST", "DELETE"]);

export const bucketCorsNoWildcardWrite = resourcePolicy({
    name: "s3-bucket-cors-no-wildcard-write",
    description: "No CORS rule lets any origin (\"*\") use a writing method (PUT, POST, DELETE).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["data-protection", "network"],
    resourceTypes: [...BUCKET_TYPES, ...CORS_TYPES],
    remediation: "List the application's origins in allowedOrigins.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html",
    check(r, _config, report) {
        const rules = records(r.props.corsRules);
        if (rules === UNKNOWN) return report.unknown("whether CORS allows writes from any origin", "corsRules");
        (rules ?? []).forEach((rule, i) => {
            const origins = strings(at(rule, "allowedOrigins"));
            const methods = strings(at(rule, "allowedMethods"));
            const writes = methods.known.filter((m) => WRITE_METHODS.has(m.toUpperCase()));
            const anyOrigin = origins.known.some((o) => o.trim() === "*");
            if (anyOrigin && writes.length > 0) {
                report.violation(`corsRules[${i}] lets any origin ("*") send ${writes.join(", ")} requests. List the application's origins in allowedOrigins.`);
            } else if ((anyOrigin && methods.unknown) || (writes.length > 0 && origins.unknown) || rule === UNKNOWN) {
                report.unknown("whether CORS allows writes from any origin", `corsRules[${i}]`);
            }
        });
    },
});
