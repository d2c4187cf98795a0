import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const KEY = "aws:kms/key:Key";

export const keyEnabled = withAwsDefault(resourcePolicy({
    name: "kms-key-enabled",
    description: "Keys are enabled (isEnabled is not false): a disabled key breaks every resource it encrypts.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [KEY],
    remediation: "Set isEnabled: true (or leave it out); schedule deletion instead of disabling a key nobody uses.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["isEnabled"], true, {
            what: "whether the key can be used",
            problem: "so every resource encrypted with it stops working",
            fix: "Set isEnabled: true (or leave it out).",
        });
    },
}), {
    behaviour: "New keys are enabled unless isEnabled is false.",
    source: "https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html",
    checked: "2026-12-04",
});
