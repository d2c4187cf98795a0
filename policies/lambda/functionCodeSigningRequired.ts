import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const FN = "aws:lambda/function:Function";

export const functionCodeSigningRequired = withAwsDefault(resourcePolicy({
    name: "lambda-function-code-signing-required",
    description: "Functions verify their code with a code signing configuration (codeSigningConfigArn).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["compute"],
    resourceTypes: [FN],
    remediation: "Create an aws.lambda.CodeSigningConfig with a Signer profile and set codeSigningConfigArn.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["codeSigningConfigArn"], {
            what: "which signing configuration applies",
            problem: "so any code package is accepted for deployment",
            fix: "Set codeSigningConfigArn.",
        });
    },
}), {
    behaviour: "Lambda accepts unsigned code unless a code signing configuration is attached.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
    checked: "2026-12-04",
});
