// AWSGuard as its awsguard-typescript template creates it: every policy enabled, advisory.
import { AwsGuard } from "@pulumi/awsguard";

new AwsGuard({ all: "advisory" });
