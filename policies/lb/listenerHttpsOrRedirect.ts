import { resourcePolicy } from "../lib/policy";
import { at, pathText, records, str, UNKNOWN } from "../lib/values";
import { ELB_DOCS, LISTENER_TYPES } from "./shared";

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
