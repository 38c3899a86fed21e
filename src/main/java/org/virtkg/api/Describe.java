package org.virtkg.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI schema of a request or response record says beyond the component's Java type:
 * its name (on the record), and per component its description, the values it takes, a pattern or
 * format, whether it is required (of a request; of a response written without nulls, that it always
 * has a value) or may be null (of a response), and the most items
 * a list may hold ({@link Schemas#of}, {@link Schemas#answer}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Describe {
    /** On a record: the schema's name under components/schemas. */
    String name() default "";

    String description() default "";

    String[] allowed() default {};

    String pattern() default "";

    String format() default "";

    /** Of a request record's component: the body must have it; of a response record's: it always has a value. */
    boolean required() default false;

    int maxItems() default -1;

    /** Of a response record's component: written as null when it has no value (else always a value). */
    boolean nullable() default false;

    /** The JSON types of a component whose Java type does not say them (an {@code Object} that is an id or a yes or no). */
    String[] types() default {};
}
