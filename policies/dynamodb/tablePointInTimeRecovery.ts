import { requireFlag } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";

const TABLE = "aws:dynamodb/table:Table";

export const tablePointInTimeRecovery = resourcePolicy({
    name: "dynamodb-table-point-in-time-recovery",
    description: "Tables have point-in-time recovery enabled.",
    severity: "medium",
    // AWS's own default for this setting is the weaker one, so a plan that says nothing keeps the
    // default rather than weakening it: mandatory only where a stack config asks (policies/config/).
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "DynamoDB.2" }],
    topics: ["resilience", "data-protection"],
    resourceTypes: [TABLE],
    remediation: "Set pointInTimeRecovery: { enabled: true }.",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html",
    check(r, _config, report) {
        requireFlag(r.props, ["pointInTimeRecovery", "enabled"], report, {
            what: "whether point-in-time recovery is on",
            problem: "so a bad write or delete cannot be rolled back",
            fix: "Set pointInTimeRecovery: { enabled: true }.",
        });
    },
});
