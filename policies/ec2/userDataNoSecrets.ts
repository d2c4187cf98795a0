import { resourcePolicy, type ResourceView } from "../lib/policy";
import { decodeUserData, scanText } from "../lib/secrets";
import { str, UNKNOWN } from "../lib/values";
import { INSTANCE, LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from "./shared";

function userDataFields(r: ResourceView): { field: string; value: unknown }[] {
    const fields = r.type === LAUNCH_TEMPLATE ? ["userData"] : ["userData", "userDataBase64"];
    return fields.map((field) => ({ field, value: r.props[field] })).filter((f) => f.value !== undefined);
}

export const userDataNoSecrets = resourcePolicy({
    name: "ec2-user-data-no-secrets",
    description: "User data carries no secrets in clear text (access keys, tokens, private keys, literal passwords).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["secrets", "compute"],
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION],
    remediation: "Store secrets in SSM Parameter Store (SecureString) or Secrets Manager and fetch them at boot with the instance role.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html",
    check(r, _config, report) {
        for (const { field, value } of userDataFields(r)) {
            const text = str(value);
            if (text === UNKNOWN) {
                report.unknown("whether the user data carries secrets", field);
                continue;
            }
            if (text === undefined) continue;
            for (const f of scanText(decodeUserData(text))) {
                report.violation(`${field} contains ${f.kind} (${f.where}); anyone allowed ec2:DescribeInstanceAttribute can read user data. `
                    + "Store the secret in SSM Parameter Store (SecureString) or Secrets Manager and fetch it at boot with the instance role.");
            }
        }
    },
});
