import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { functionVpcRequired } from "../../../policies/lambda/functionVpcRequired";

describe("lambda-function-vpc-required", () => {
    judgesSetting(functionVpcRequired, {
        type: "aws:lambda/function:Function",
        name: "handler",
        base: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN },
        passes: {
        "private subnets": { vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: [UNKNOWN] } },
    },
        fails: {
        "an empty subnet list": { vpcConfig: { subnetIds: [], securityGroupIds: [] } },
    },
        absent: "fails",
        unknown: { vpcConfig: { subnetIds: UNKNOWN, securityGroupIds: UNKNOWN } },
    unknownMeans: "present",
        mentions: ["vpcConfig.subnetIds"],
    });
});
