package io.wirewatch.bench.extraction;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH auxiliary counters: articles processed and the CPU time the benchmark thread spent on them. On a machine
 * shared with other work, wall-clock ops/s says how much of a core the fork got; articles per CPU-second says what
 * one core would do. GC threads' CPU is not included.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuCounters {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long articles;
    public long cpuNanos;

    @Setup(Level.Iteration)
    public void reset() {
        articles = 0;
        cpuNanos = 0;
    }

    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(long startCpuNanos) {
        cpuNanos += now() - startCpuNanos;
        articles++;
    }
}
