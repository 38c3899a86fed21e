package org.virtkg.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders a page model with its template. The templates were compiled at build time into
 * {@code org.virtkg.pages.templates}; the engine only loads those classes, so no Java compiler is
 * needed at run time (the JRE image has none).
 */
public final class Pages {
    static final String TEMPLATE_PACKAGE = "org.virtkg.pages.templates";
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATE_PACKAGE);

    private Pages() {}

    /** The HTML of {@code template} (a file name under {@code src/main/jte}) whose one parameter is {@code model}. */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        ENGINE.render(template, model, out);
        return out.toString();
    }
}
