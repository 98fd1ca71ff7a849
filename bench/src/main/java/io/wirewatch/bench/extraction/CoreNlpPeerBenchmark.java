package io.wirewatch.bench.extraction;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer for {@link ExtractionBenchmark}: Stanford CoreNLP's {@code tokenize,ssplit,pos,lemma,ner} pipeline (the
 * front half of the Phoenix / PETRARCH event-coding pipeline, which then still has to parse and code events) over the
 * same texts, one thread, one article per operation. Fine-grained NER, SUTime and the numeric classifiers are off, the
 * cheapest configuration that still finds people, places and organisations. CoreNLP is GPL: it stays in bench.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// The English models need ~2 GB of heap.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CoreNlpPeerBenchmark extends CorpusRotation {

    private StanfordCoreNLP pipeline;

    @Setup
    public void createTool() {
        pipeline = new StanfordCoreNLP(properties());
    }

    /** The pipeline's settings, shared with anything that wants to run the same peer. */
    public static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        properties.setProperty("ner.applyFineGrained", "false");
        properties.setProperty("ner.useSUTime", "false");
        properties.setProperty("ner.applyNumericClassifiers", "false");
        properties.setProperty("ner.buildEntityMentions", "true");
        properties.setProperty("threads", "1");
        return properties;
    }

    @Benchmark
    public CoreDocument annotate(CpuCounters cpu) {
        BenchCorpus.Text text = nextText();
        long start = CpuCounters.now();
        CoreDocument document = new CoreDocument(text.text());
        pipeline.annotate(document);
        cpu.add(start);
        return document;
    }
}
