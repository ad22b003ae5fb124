package dev.ddbkit.core.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not API. Tells NullAway what a checking method guarantees, in JetBrains' contract syntax: {@code "null, _ -> fail"}
 * means the method throws when its first argument is null, so the caller may treat it as non-null afterwards.
 * Named in the build's {@code -XepOpt:NullAway:CustomContractAnnotations}; kept in class files so that other
 * modules' compilations see it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Contract {
  /** The contract, for example {@code "null, _ -> fail"}. */
  String value();
}
