import * as pulumi from "@pulumi/pulumi";
import { type Append } from "../iam/documents";

/** Appends a suffix to an ARN that may be an Output (`${arn}/*`): the Output twin of appendString. */
export const appendOutput: Append<pulumi.Input<string>> = (arn, suffix) => pulumi.interpolate`${arn}${suffix}`;
