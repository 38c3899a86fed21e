package org.virtkg.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.virtkg.security.AccessTokens;

/**
 * Resolves {@link SharedServer}-annotated {@link TestServer} parameters: one server per
 * {@link SharedServer.Config} for the whole test JVM, started on first use and kept in the root
 * extension context's store, which closes it (an {@link AutoCloseable} value) when the run ends.
 * Surefire runs every class in one JVM (two at a time; the store computes a missing value once,
 * whichever class asks first), so each configuration starts once.
 */
public final class SharedServerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class && parameter.isAnnotated(SharedServer.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedServer.Config config = parameter.findAnnotation(SharedServer.class).orElseThrow().value();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(config, SharedServerExtension::start, TestServer.class);
    }

    private static TestServer start(SharedServer.Config config) {
        return switch (config) {
            case SHIPPED_READ_ONLY -> TestServer.sharedWithShippedData(AccessTokens.none());
            case SHIPPED_WRITABLE -> TestServer.sharedWithShippedData(AccessTokens.of(Fixtures.ADMIN, Fixtures.EDITOR));
        };
    }
}
