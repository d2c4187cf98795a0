/**
 * CloudFront: viewers use HTTPS, the edge accepts TLS 1.2+ only, S3 origins are private behind
 * origin access control.
 */
import type { PackPolicy } from "../lib/policy";
import { distributionMinimumTls } from "./distributionMinimumTls";
import { distributionS3OriginAccessControl } from "./distributionS3OriginAccessControl";
import { distributionViewerHttps } from "./distributionViewerHttps";

/** In table order. */
export const cloudfrontPolicies: readonly PackPolicy[] = [distributionViewerHttps, distributionMinimumTls, distributionS3OriginAccessControl];
