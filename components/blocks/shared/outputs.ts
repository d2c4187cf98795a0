import * as pulumi from "@pulumi/pulumi";

/** Appends a suffix to an ARN that may be an Output (`${arn}/*`): the Output twin of appendString (an `Append` of iam/documents). */
export const appendOutput = (arn: pulumi.Input<string>, suffix: string): pulumi.Input<string> => pulumi.interpolate`${arn}${suffix}`;
