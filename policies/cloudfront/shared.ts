/**
 * The resource type every CloudFront policy inspects.
 */
export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
