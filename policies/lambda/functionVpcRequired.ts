import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";
import { at, strings } from "../lib/values";

const FN = "aws:lambda/function:Function";

export const functionVpcRequired = withAwsDefault(resourcePolicy({
    name: "lambda-function-vpc-required",
    description: "Functions run in the program's VPC (vpcConfig.subnetIds), so they reach private resources without public endpoints and egress is controlled.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "Lambda.3" }],
    topics: ["network"],
    resourceTypes: [FN],
    remediation: "Set vpcConfig: { subnetIds: <private subnets>, securityGroupIds: [...] } and grant ec2:CreateNetworkInterface through AWSLambdaVPCAccessExecutionRole.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
    check(r, _config, report) {
        const subnets = strings(at(r.props, "vpcConfig", "subnetIds"));
        if (subnets.unknown || subnets.known.length > 0) return;
        checkNamed(r.props, report, ["vpcConfig", "subnetIds"], {
            what: "",
            problem: "so the function runs outside the VPC with open internet egress",
            fix: "Set vpcConfig with private subnetIds and securityGroupIds.",
        });
    },
}), {
    behaviour: "Functions run outside any VPC of yours, with internet access, unless vpcConfig is set.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
    checked: "2026-12-04",
});
