package io.wirewatch.knowledge;

import java.util.function.Supplier;

/**
 * A value computed on first use and kept. Unlike the holder-class idiom, a failure (a bad row) reaches every caller
 * with its own message, and a later call tries again.
 */
final class Once<T> {

    private final Supplier<T> supplier;
    private volatile T value;

    Once(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
