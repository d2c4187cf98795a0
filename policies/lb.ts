/**
 * Elastic Load Balancing (aws.lb ≡ aws.alb): HTTP listeners only redirect to HTTPS, TLS listeners
 * use a modern security policy, application load balancers drop invalid headers.
 */
import { requireFlag } from "./lib/checks";
import { stringList } from "./lib/config";
import { matchesAny } from "./lib/glob";
import { type PackPolicy, resourcePolicy } from "./lib/policy";
import { at, pathText, records, str, UNKNOWN } from "./lib/values";

export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

const ELB_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html";

export const listenerHttpsOrRedirect = resourcePolicy({
    name: "lb-listener-https-or-redirect",
    description: "A plain-HTTP listener (protocol HTTP, the ALB default) only redirects to HTTPS; it never forwards traffic in clear text.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ELB.1" }],
    topics: ["encryption", "network"],
    resourceTypes: LISTENER_TYPES,
    remediation: "Give the HTTP listener one default action: redirect to HTTPS (port 443, HTTP_301).",
    url: ELB_DOCS,
    check(r, _config, report) {
        const protocol = str(r.props.protocol);
        if (protocol === UNKNOWN) return report.unknown("whether the listener serves plain HTTP", "protocol");
        if ((protocol ?? "HTTP").toUpperCase() !== "HTTP") return;
        const actions = records(r.props.defaultActions);
        if (actions === UNKNOWN) return report.unknown("whether the HTTP listener only redirects to HTTPS", "defaultActions");
        const fix = "Make the HTTP listener only redirect: { type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }.";
        (actions ?? []).forEach((action, i) => {
            const field = pathText("defaultActions", i);
            const type = str(at(action, "type"));
            if (type === UNKNOWN) return report.unknown("whether the HTTP listener only redirects to HTTPS", `${field}.type`);
            if (type !== "redirect") {
                return report.violation(`${field} (${type ?? "no type"}) on a plain-HTTP listener${protocol === undefined ? " (protocol defaults to HTTP)" : ""} serves traffic unencrypted. ${fix}`);
            }
            const target = str(at(action, "redirect", "protocol"));
            if (target === UNKNOWN) report.unknown("whether the HTTP listener redirects to HTTPS", `${field}.redirect.protocol`);
            else if ((target ?? "#{protocol}").toUpperCase() !== "HTTPS") {
                report.violation(`${field} redirects to ${target === undefined ? "the same protocol (HTTP)" : target}, not HTTPS. ${fix}`);
            }
        });
    },
});

export const listenerModernTls = resourcePolicy({
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

export const albDropInvalidHeaders = resourcePolicy({
    name: "lb-alb-drop-invalid-header-fields",
    description: "Application load balancers drop HTTP headers with invalid fields (request-smuggling defence).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ELB.4" }],
    topics: ["network"],
    resourceTypes: LOAD_BALANCER_TYPES,
    remediation: "Set dropInvalidHeaderFields: true.",
    url: ELB_DOCS,
    check(r, _config, report) {
        const type = str(r.props.loadBalancerType);
        if (type === UNKNOWN) return report.unknown("whether invalid headers are dropped", "loadBalancerType");
        if ((type ?? "application") !== "application") return;
        requireFlag(r.props, ["dropInvalidHeaderFields"], report, {
            what: "whether invalid headers are dropped",
            problem: "so requests with malformed headers reach the targets (an HTTP desync / request-smuggling vector)",
            fix: "Set dropInvalidHeaderFields: true.",
        });
    },
});

export const lbPolicies: readonly PackPolicy[] = [listenerHttpsOrRedirect, listenerModernTls, albDropInvalidHeaders];
