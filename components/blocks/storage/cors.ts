/**
 * Browser access to the uploads bucket (pure CORS rules).
 */

/** A CORS rule in the shape aws.s3.BucketCorsConfiguration takes. */
export interface CorsRule {
    allowedOrigins: string[];
    allowedMethods: string[];
    allowedHeaders: string[];
    exposeHeaders: string[];
    maxAgeSeconds: number;
}

/** Browser uploads straight to S3 with presigned URLs from the listed origins; none when empty. */
export function uploadsCors(origins: string[]): CorsRule[] {
    if (origins.length === 0) return [];
    return [{
        allowedOrigins: [...origins],
        allowedMethods: ["GET", "HEAD", "PUT", "POST"],
        allowedHeaders: ["*"],
        exposeHeaders: ["ETag"],
        maxAgeSeconds: 3000,
    }];
}
