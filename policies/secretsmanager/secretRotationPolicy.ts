import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";
import { UNKNOWN, at, str } from "../lib/values";

const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";

export const secretRotationPolicy = withAwsDefault(resourcePolicy({
    name: "secretsmanager-secret-rotation-policy",
    description: "Secret rotations run at least every 90 days (rotationRules.automaticallyAfterDays, or a schedule expression) and are not turned off.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "SecretsManager.4" }],
    topics: ["secrets"],
    resourceTypes: [ROTATION],
    remediation: "Set rotationRules: { automaticallyAfterDays: 30 } (90 at most), or a scheduleExpression of rate(N days) with N ≤ 90.",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html",
    check(r, _config, report) {
        const schedule = str(at(r.props, "rotationRules", "scheduleExpression"));
        if (schedule === UNKNOWN) return report.unknown("how often the secret rotates", "rotationRules.scheduleExpression");
        if (schedule !== undefined) {
            // rate(N days) is judged by N; cron() and rate in hours run at least daily and pass.
            const days = /^rate\(\s*(\d+)\s+days?\s*\)$/i.exec(schedule.trim());
            if (days !== null && Number(days[1]) > 90) {
                report.violation(`rotationRules.scheduleExpression is ${JSON.stringify(schedule)}, so the secret lives more than 90 days. Use rate(30 days) or at most rate(90 days).`);
            }
            return;
        }
        checkSetting(r.props, report, {
            path: ["rotationRules", "automaticallyAfterDays"], kind: "number", absent: undefined,
            accept: (days) => days >= 1 && days <= 90,
            what: "how often the secret rotates",
            problem: "so a leaked secret stays valid for more than 90 days",
            fix: "Set rotationRules.automaticallyAfterDays to 90 or less.",
        });
    },
}), {
    behaviour: "A rotation has no schedule of its own: rotationRules is required and sets it.",
    source: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotateSecret.html",
    checked: "2026-12-04",
});
