package io.wirewatch.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.platform.streams.DeadLetterRouter;
import io.wirewatch.schema.Article;
import io.wirewatch.schema.DeadLetter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link IngestOutput} that counts every dead letter it passes on, in the counter the streaming services use
 * ({@value DeadLetterRouter#METER_NAME}, tags {@code service}, {@code topic}, {@code reason}, {@code error}), so that
 * operators watch rejected input of all three services under one metric. Ingest input comes from files and HTTP, not a
 * topic: {@code topic} is {@code none}, {@code reason} {@code rejected-input} (the free-text reasons would make a
 * series per message), and {@code error} the simple name of the exception behind the rejection, if any.
 */
public final class DeadLetterCountingOutput implements IngestOutput {

    static final String NO_TOPIC = "none";
    static final String REASON = "rejected-input";

    private final IngestOutput delegate;
    private final MeterRegistry meterRegistry;

    public DeadLetterCountingOutput(IngestOutput delegate, MeterRegistry meterRegistry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    @Override
    public CompletableFuture<Void> publish(Article article) {
        return delegate.publish(article);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        delegate.deadLetter(deadLetter);
        String errorClass = deadLetter.getErrorClass();
        Counter.builder(DeadLetterRouter.METER_NAME)
                .description("Input records written to the dead-letter topic")
                .tag("service", deadLetter.getService())
                .tag("topic", deadLetter.getTopic() == null ? NO_TOPIC : deadLetter.getTopic())
                .tag("reason", REASON)
                .tag("error", errorClass == null ? "none" : errorClass.substring(errorClass.lastIndexOf('.') + 1))
                .register(meterRegistry)
                .increment();
    }

    @Override
    public void flush() {
        delegate.flush();
    }
}
