/**
 * Every policy of the stagecraft pack, in table order: each service folder's index lists its
 * policies (one policy per file). index.ts serves them; tests, the README table generator and the
 * offline check import them from here (index.ts starts a gRPC server).
 */
import { apigatewayv2Policies } from "./apigatewayv2";
import { awsPolicies } from "./aws";
import { cloudfrontPolicies } from "./cloudfront";
import { cloudtrailPolicies } from "./cloudtrail";
import { cloudwatchPolicies } from "./cloudwatch";
import { cognitoPolicies } from "./cognito";
import { costPolicies } from "./cost";
import { dynamodbPolicies } from "./dynamodb";
import { ec2Policies } from "./ec2";
import { ecrPolicies } from "./ecr";
import { ecsPolicies } from "./ecs";
import { elasticachePolicies } from "./elasticache";
import { iamPolicies } from "./iam";
import { kmsPolicies } from "./kms";
import { lambdaPolicies } from "./lambda";
import { lbPolicies } from "./lb";
import type { PackPolicy } from "./lib/policy";
import { pulumiPolicies } from "./pulumi";
import { s3Policies } from "./s3";
import { secretsmanagerPolicies } from "./secretsmanager";
import { snsPolicies } from "./sns";
import { ssmPolicies } from "./ssm";
import { wafv2Policies } from "./wafv2";
import { rdsPolicies } from "./rds";
import { sqsPolicies } from "./sqs";
import { kinesisPolicies } from "./kinesis";
import { efsPolicies } from "./efs";
import { acmPolicies } from "./acm";
import { apigatewayPolicies } from "./apigateway";
import { guarddutyPolicies } from "./guardduty";
import { cfgPolicies } from "./cfg";
import { sfnPolicies } from "./sfn";
import { autoscalingPolicies } from "./autoscaling";

export const PACK_NAME = "stagecraft";

export const PACK_DESCRIPTION = "The stagecraft security checklist for AWS (@pulumi/aws v7): SSH/RDP and data ports closed to the world, "
    + "no administrator access, encrypted and private buckets, and the hygiene rules of the services the program uses.";

export const packPolicies: readonly PackPolicy[] = [
    ...ec2Policies,
    ...s3Policies,
    ...iamPolicies,
    ...kmsPolicies,
    ...cloudwatchPolicies,
    ...snsPolicies,
    ...ssmPolicies,
    ...secretsmanagerPolicies,
    ...lbPolicies,
    ...cloudfrontPolicies,
    ...ecsPolicies,
    ...ecrPolicies,
    ...elasticachePolicies,
    ...dynamodbPolicies,
    ...apigatewayv2Policies,
    ...lambdaPolicies,
    ...cognitoPolicies,
    ...wafv2Policies,
    ...cloudtrailPolicies,
    ...awsPolicies,
    ...pulumiPolicies,
    ...rdsPolicies,
    ...sqsPolicies,
    ...kinesisPolicies,
    ...efsPolicies,
    ...acmPolicies,
    ...apigatewayPolicies,
    ...guarddutyPolicies,
    ...cfgPolicies,
    ...sfnPolicies,
    ...autoscalingPolicies,
    ...costPolicies,
];
