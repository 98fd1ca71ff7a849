package io.wirewatch.devstack.testing;

import io.wirewatch.devstack.EmbeddedStack;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EmbeddedStack} (in-process KRaft broker and schema registry) for all the tests of an integration-test
 * class: started before the first, closed after the last. It exists so that each module's ITs stop repeating the same
 * static field, {@code @BeforeAll} and {@code @AfterAll}, and the same unique run id that keeps one test's topics and
 * consumer groups apart from another's on the shared broker.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();
 * ...
 * String run = STACK.newRunId("enrich-it");
 * EnrichConfig.defaults(STACK.stack().clusterConfig()).withApplicationId(run).withTopicPrefix(run + ".");
 * }</pre>
 *
 * <p>Register it on a {@code static} field: on an instance field JUnit never calls the class-level callbacks.
 * Published with platform's test-jar.
 */
public final class EmbeddedStackExtension implements BeforeAllCallback, AfterAllCallback {

    private final EmbeddedStack.Options options;
    private EmbeddedStack stack;

    /** One broker, as most tests need. */
    public EmbeddedStackExtension() {
        this(EmbeddedStack.Options.defaults());
    }

    /** A stack as {@code options} describe it, e.g. three brokers ({@code Options.defaults().withBrokers(3)}). */
    public EmbeddedStackExtension(EmbeddedStack.Options options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = EmbeddedStack.start(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /** The running stack; only between before-all and after-all. */
    public EmbeddedStack stack() {
        if (stack == null) {
            throw new IllegalStateException("No stack running: register the extension on a static field");
        }
        return stack;
    }

    /**
     * A unique, short id such as {@code enrich-it-1a2b3c4d}: {@code prefix}, a dash and eight hex digits, valid as a
     * Kafka Streams application id and as a topic prefix as long as {@code prefix} uses only letters, digits, '.', '_'
     * and '-'.
     */
    public String newRunId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
