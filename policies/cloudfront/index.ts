/**
 * CloudFront: viewers use HTTPS, the edge accepts TLS 1.2+ only, S3 origins are private behind
 * origin access control.
 */
import type { PackPolicy } from "../lib/policy";
import { distributionMinimumTls } from "./distributionMinimumTls";
import { distributionS3OriginAccessControl } from "./distributionS3OriginAccessControl";
import { distributionViewerHttps } from "./distributionViewerHttps";
import { distributionAccessLogging } from "./distributionAccessLogging";
import { distributionWebAclRequired } from "./distributionWebAclRequired";
import { distributionGeoRestrictionEnabled } from "./distributionGeoRestrictionEnabled";
import { distributionCustomCertificateRequired } from "./distributionCustomCertificateRequired";
import { distributionDefaultRootObjectRequired } from "./distributionDefaultRootObjectRequired";
import { distributionResponseHeadersPolicyRequired } from "./distributionResponseHeadersPolicyRequired";
import { distributionEnabled } from "./distributionEnabled";
import { responseHeadersPolicyHstsEnabled } from "./responseHeadersPolicyHstsEnabled";
import { distributionOriginHttps } from "./distributionOriginHttps";

/** In table order. */
export const cloudfrontPolicies: readonly PackPolicy[] = [distributionViewerHttps, distributionMinimumTls, distributionS3OriginAccessControl, distributionAccessLogging, distributionWebAclRequired, distributionGeoRestrictionEnabled, distributionCustomCertificateRequired, distributionDefaultRootObjectRequired, distributionResponseHeadersPolicyRequired, distributionEnabled, responseHeadersPolicyHstsEnabled, distributionOriginHttps];
