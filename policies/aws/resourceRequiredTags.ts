import { stringList } from "../lib/config";
import { reportGrouped, type Finding } from "../lib/hygiene";
import { stackPolicy } from "../lib/policy";
import { TAGGABLE_TYPES } from "../lib/taggable";
import { at, jsonDoc, list, type Rec, rec, str, UNKNOWN } from "../lib/values";

/** Keys with a non-empty (or unknown) value; `tags` as a map or as a list of { key, value } (autoscaling). */
function tagKeys(tags: unknown): Set<string> | typeof UNKNOWN {
    const asMap = rec(tags);
    if (asMap === UNKNOWN) return UNKNOWN;
    const keys = new Set<string>();
    const add = (k: unknown, v: unknown) => {
        const value = str(v);
        if (typeof k === "string" && (value === UNKNOWN || (typeof value === "string" && value.trim() !== ""))) keys.add(k);
    };
    if (asMap !== undefined) {
        for (const [k, v] of Object.entries(asMap)) add(k, v);
        return keys;
    }
    const asList = list(tags);
    if (asList === UNKNOWN) return UNKNOWN;
    for (const t of asList ?? []) add(str(at(t, "key")), at(t, "value"));
    return keys;
}

/** Default tags of the resource's provider (a JSON string in provider inputs, or an object). */
function defaultTagKeys(providerProps: Rec | undefined): Set<string> {
    const doc = jsonDoc(providerProps?.defaultTags);
    if (doc === UNKNOWN || doc === "invalid" || doc === undefined) return new Set();
    const keys = tagKeys(at(doc, "tags"));
    return keys === UNKNOWN ? new Set() : keys;
}

export const resourceRequiredTags = stackPolicy({
    name: "aws-resource-required-tags",
    description: "Taggable resources carry the required tag keys (project, environment, owner by default) with non-empty values, on the resource or through provider defaultTags; reported once per component (or once for the stack) with the list of resources.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["tagging", "governance"],
    resourceTypes: TAGGABLE_TYPES,
    remediation: "Add the missing keys to tags (or, once for every resource, to the aws provider's defaultTags).",
    url: "https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html",
    config: {
        requiredTags: stringList("Tag keys every taggable resource must carry (case-sensitive).", ["project", "environment", "owner"]),
    },
    check(stack, config, report) {
        const findings: Finding[] = [];
        for (const r of stack.ofType(TAGGABLE_TYPES)) {
            const own = tagKeys(r.props.tags);
            if (own === UNKNOWN) {
                report.unknown(r, "whether the required tags are present", "tags");
                continue;
            }
            const defaults = defaultTagKeys(r.providerProps);
            const missing = config.requiredTags.filter((k) => !own.has(k) && !defaults.has(k));
            if (missing.length > 0) findings.push({ resource: r, detail: missing.join(", ") });
        }
        reportGrouped(stack.resources, findings, report, (count, list) => `${count} resource${count > 1 ? "s" : ""} miss required tags (cost reports and ownership depend on them): ${list}. `
            + "Add the keys with non-empty values to the aws provider's defaultTags (once for every resource) or to each resource's tags.");
    },
});
