/**
 * Resource types and the documentation page that several load-balancing policies share (aws.lb and
 * aws.alb are the same resources).
 */
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];

export const ELB_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html";
