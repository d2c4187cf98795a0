import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { targetGroupNoPlainHttp } from "../../../policies/lb/targetGroupNoPlainHttp";

describe("lb-target-group-no-plain-http", () => {
    judgesSetting(targetGroupNoPlainHttp, {
        type: "aws:lb/targetGroup:TargetGroup",
        name: "app",
        base: { port: 5000, vpcId: UNKNOWN },
        passes: {
        "HTTPS": { protocol: "HTTPS" },
        "TCP pass-through": { protocol: "TCP" },
    },
        fails: {
        "HTTP": { protocol: "HTTP" },
    },
        absent: "fails",
        unknown: { protocol: UNKNOWN },
        mentions: ["protocol"],
    });
});
