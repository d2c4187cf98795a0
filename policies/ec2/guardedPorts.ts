/**
 * The policy shape of a port that must never be open to the internet (SSH, RDP): one spec per
 * port.
 */
import { describeOpen, type GuardedPort, reachesPort, worldIngress } from "../lib/exposure";
import { type PackPolicy, resourcePolicy } from "../lib/policy";
import { RULE_TYPES, rulesOf } from "../lib/sgrules";
import { reportVerdicts, SG_DOCS } from "./worldIngress";

export function guardedPortPolicy(spec: {
    name: string; description: string; guard: GuardedPort; control: string; cis?: string; fix: string;
}): PackPolicy {
    return resourcePolicy({
        name: spec.name,
        description: spec.description,
        severity: "critical",
        enforcementLevel: "mandatory",
        frameworks: [
            { framework: "fsbp", control: spec.control },
            ...(spec.cis === undefined ? [] : [{ framework: "cis" as const, control: spec.cis }]),
        ],
        topics: ["network"],
        resourceTypes: RULE_TYPES,
        remediation: spec.fix,
        url: SG_DOCS,
        check(r, _config, report) {
            const verdicts = worldIngress(rulesOf(r.type, r.props), reachesPort(spec.guard));
            reportVerdicts(verdicts, report, spec.guard.label, (v) => `${describeOpen(v)}, so ${spec.guard.label} is reachable from the internet. ${spec.fix}`);
        },
    });
}
