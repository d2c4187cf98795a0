/** Shapes of config values more than one parser checks. */

/** An e-mail address (shape only: AWS and SNS confirm the rest). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An AWS region name such as us-east-1 or us-gov-west-1. */
export const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
