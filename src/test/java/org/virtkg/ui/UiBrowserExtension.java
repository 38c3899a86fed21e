package org.virtkg.ui;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link UiBrowser} for the whole test JVM, kept in the root extension context's store, which
 * closes it (an {@link AutoCloseable} value) when the run ends, as {@code SharedServerExtension} does
 * for servers. A UI class registers it with {@code @ExtendWith(UiBrowserExtension.class)} and takes
 * the browser as a {@code UiBrowser} parameter of its {@code @BeforeAll} method.
 *
 * <p>Before each class the browser is made as fresh as a new one ({@link UiBrowser#freshStart()}),
 * so no class sees what another left; after it, it is left on a blank page. Without Chromium the
 * class is skipped here (failed under {@code CI=true}): a parameter resolver could only fail it.
 */
final class UiBrowserExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UiBrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        UiBrowser.requireChromium();
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        UiBrowser browser = store.get(UiBrowser.class, UiBrowser.class);
        if (browser != null && !browser.alive()) {
            // A browser that crashed is no use to the next class: start another.
            store.remove(UiBrowser.class);
            try {
                browser.close();
            } catch (RuntimeException ignored) {
                // it is gone already
            }
            browser = null;
        }
        if (browser == null) store.put(UiBrowser.class, UiBrowser.start());
        else browser.freshStart();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        UiBrowser browser = context.getRoot().getStore(NAMESPACE).get(UiBrowser.class, UiBrowser.class);
        if (browser != null && browser.alive()) browser.idle();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == UiBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).get(UiBrowser.class, UiBrowser.class);
    }
}
