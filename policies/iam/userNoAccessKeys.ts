import { resourcePolicy } from "../lib/policy";
import { str } from "../lib/values";

const ACCESS_KEY = "aws:iam/accessKey:AccessKey";

export const userNoAccessKeys = resourcePolicy({
    name: "iam-user-no-access-keys",
    description: "No IAM user gets a long-lived access key; workloads and CI use roles (instance profiles, task roles, GitHub OIDC).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "IAM.3" }, { framework: "cis", control: "1.14" }],
    topics: ["identity", "secrets"],
    resourceTypes: [ACCESS_KEY],
    remediation: "Delete the access key; give the workload a role (instance profile, ECS task role, GitHub OIDC role).",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    check(r, _config, report) {
        const status = str(r.props.status);
        if (status === "Inactive") return;
        report.violation("creates a long-lived access key for an IAM user; such keys leak through laptops, CI logs and repositories and stay valid until someone rotates them. "
            + "Remove it and give the workload a role: an instance profile, an ECS task role, or a GitHub OIDC role for CI.");
    },
});
