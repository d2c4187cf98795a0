import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { defaultSecurityGroupNoRules } from "../../../policies/ec2/defaultSecurityGroupNoRules";

describe("ec2-default-security-group-no-rules", () => {
    judgesSetting(defaultSecurityGroupNoRules, {
        type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        name: "default",
        base: { vpcId: UNKNOWN },
        passes: {
        "no rules": { ingress: [], egress: [] },
    },
        fails: {
        "the AWS default's self-referencing ingress": { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] },
    },
        absent: "passes",
        unknown: { egress: UNKNOWN },
        mentions: ["ingress"],
    });
});
