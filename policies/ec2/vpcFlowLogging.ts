import { withAwsDefault } from "../lib/awsdefault";
import { stackPolicy } from "../lib/policy";
import { requireSide } from "../lib/sides";
import { SG_DOCS } from "./worldIngress";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const FLOW_LOGS_DOCS = "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html";

export const vpcFlowLogging = withAwsDefault(stackPolicy({
    name: "ec2-vpc-flow-logging",
    description: "Every VPC the program creates (aws.ec2.Vpc) has a flow log (aws.ec2.FlowLog whose vpcId is that VPC), so accepted and rejected traffic can be investigated.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "EC2.6" }, { framework: "cis", control: "3.7" }],
    topics: ["logging", "network"],
    resourceTypes: [VPC, FLOW_LOG],
    remediation: "Add an aws.ec2.FlowLog with vpcId set to the VPC's id, trafficType \"ALL\" (or \"REJECT\"), delivering to a CloudWatch log group with retention or to S3.",
    url: SG_DOCS,
    check(stack, _config, report) {
        requireSide(stack, report, {
            targets: stack.ofType([VPC]),
            sideTypes: [FLOW_LOG], key: "vpcId", targetTypes: [VPC], identityKeys: ["id"],
            what: () => "whether the VPC has a flow log",
            missing: () => "has no flow log (no aws.ec2.FlowLog names it in vpcId), and AWS records none by default, so nobody can tell afterwards which traffic reached or was refused by the VPC. "
                + "Add an aws.ec2.FlowLog with vpcId set to this VPC's id and trafficType \"ALL\", delivering to a log group with retention.",
        });
    },
}), {
    behaviour: "A VPC has no flow log until one is created for it; AWS records no traffic metadata by default.",
    source: FLOW_LOGS_DOCS,
    checked: "2026-12-04",
});
