package org.clinicops.support.apidocs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller's raw request body: the name of the {@link RequestBodyDoc} that documents it. The controllers take
 * bytes (so that a path id is checked before the body), which says nothing by itself.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DocumentedBody {

    String value();

    /** False where the route takes no body as well (a JSON object of options, all optional). */
    boolean required() default true;
}
