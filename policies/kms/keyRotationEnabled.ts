import { requireFlag } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { KEY } from "./shared";

export const keyRotationEnabled = resourcePolicy({
    name: "kms-key-rotation-enabled",
    description: "Symmetric encryption keys rotate their key material yearly (asymmetric, HMAC and custom-key-store keys cannot and are skipped).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "KMS.4" }, { framework: "cis", control: "3.6" }],
    topics: ["encryption"],
    resourceTypes: [KEY],
    remediation: "Set enableKeyRotation: true.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    check(r, _config, report) {
        const spec = str(r.props.customerMasterKeySpec);
        const usage = str(r.props.keyUsage);
        if (spec === UNKNOWN || usage === UNKNOWN) return report.unknown("whether the key can rotate", spec === UNKNOWN ? "customerMasterKeySpec" : "keyUsage");
        if ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" || (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") return;
        if (r.props.customKeyStoreId !== undefined) return;
        requireFlag(r.props, ["enableKeyRotation"], report, {
            what: "whether the key rotates",
            problem: "so the same key material encrypts data for the key's whole life",
            fix: "Set enableKeyRotation: true (free for the key itself; AWS keeps old material to decrypt old data).",
        });
    },
});
