/**
 * Resource types that several EC2 policies inspect.
 */
export const INSTANCE = "aws:ec2/instance:Instance";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
export const EBS_VOLUME = "aws:ebs/volume:Volume";
