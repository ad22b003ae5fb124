/**
 * Internal: the SDK interceptor and metric publisher behind {@code ClientSettings.Builder.metrics}. Not API;
 * may change in any release.
 */
@NullMarked
package dev.ddbkit.core.metrics.internal;

import org.jspecify.annotations.NullMarked;
