/**
 * ddbkit's error taxonomy: one unchecked hierarchy rooted at {@link dev.ddbkit.core.error.DdbkitException},
 * built by {@link dev.ddbkit.core.error.DdbkitErrors#translate}, plus
 * {@link dev.ddbkit.core.error.InvalidInputException} for bad input rejected before anything is sent.
 */
@NullMarked
package dev.ddbkit.core.error;

import org.jspecify.annotations.NullMarked;
