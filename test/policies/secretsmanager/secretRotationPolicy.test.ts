import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { secretRotationPolicy } from "../../../policies/secretsmanager/secretRotationPolicy";

describe("secretsmanager-secret-rotation-policy", () => {
    judgesSetting(secretRotationPolicy, {
        type: "aws:secretsmanager/secretRotation:SecretRotation",
        name: "db",
        base: { secretId: UNKNOWN, rotationLambdaArn: UNKNOWN },
        passes: {
        "every 30 days": { rotationRules: { automaticallyAfterDays: 30 } },
        "rate(7 days)": { rotationRules: { scheduleExpression: "rate(7 days)" } },
        "a cron schedule": { rotationRules: { scheduleExpression: "cron(0 4 1 * ? *)" } },
    },
        fails: {
        "every 365 days": { rotationRules: { automaticallyAfterDays: 365 } },
        "rate(120 days)": { rotationRules: { scheduleExpression: "rate(120 days)" } },
    },
        absent: "fails",
        unknown: { rotationRules: UNKNOWN },
        mentions: ["rotationRules"],
    });
});
