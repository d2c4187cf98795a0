import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { LISTENER_TYPES } from "./shared";

export const listenerModernTlsPolicy = resourcePolicy({
    name: "lb-listener-modern-tls-policy",
    description: "HTTPS and TLS listeners use a security policy that accepts TLS 1.2+ only (TLS13-1-2, TLS13-1-3, FS-1-2 or TLS-1-2 families).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ELB.17" }],
    topics: ["encryption", "network"],
    resourceTypes: LISTENER_TYPES,
    remediation: "Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or a newer TLS 1.2+ policy).",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    config: {
        allowedSslPolicies: stringList("Accepted sslPolicy names (glob patterns).", [
            "ELBSecurityPolicy-TLS13-1-2-*", "ELBSecurityPolicy-TLS13-1-3-*", "ELBSecurityPolicy-FS-1-2-*", "ELBSecurityPolicy-TLS-1-2-*",
        ]),
    },
    check(r, config, report) {
        const protocol = str(r.props.protocol);
        if (protocol === UNKNOWN) return report.unknown("the listener's TLS policy", "protocol");
        if (protocol === undefined || !["HTTPS", "TLS"].includes(protocol.toUpperCase())) return;
        const policy = str(r.props.sslPolicy);
        if (policy === UNKNOWN) return report.unknown("the listener's TLS policy", "sslPolicy");
        if (policy === undefined) {
            return report.violation("sslPolicy is not set, so AWS applies ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1. Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06.");
        }
        if (!matchesAny(config.allowedSslPolicies, policy)) {
            report.violation(`sslPolicy ${policy} accepts protocol versions or ciphers older than TLS 1.2. Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another allowed policy).`);
        }
    },
});
