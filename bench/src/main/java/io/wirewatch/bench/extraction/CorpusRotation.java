package io.wirewatch.bench.extraction;

import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The texts both extraction benchmarks go through, one per operation in turn, so that Wirewatch and its peer are
 * measured on exactly the same corpus with the same parameters.
 */
@State(Scope.Thread)
public abstract class CorpusRotation {

    @Param("10000")
    public int corpusSize;

    @Param("42")
    public long corpusSeed;

    @Param("seeds")
    public String seedsDir;
    /** The corpus's language: en (generated and seeds), fr or es (generated). */
    @Param("en")
    public String language;

    private List<BenchCorpus.Text> texts;
    private int next;

    /** Loads the corpus once (a benchmark's own setup may need it before JMH calls this). */
    @Setup
    public void loadCorpus() {
        if (texts == null) {
            texts = BenchCorpus.load(corpusSize, corpusSeed, Path.of(seedsDir), language);
        }
    }

    /** The next text, wrapping round at the end of the corpus. */
    protected BenchCorpus.Text nextText() {
        BenchCorpus.Text text = texts.get(next);
        next = next + 1 == texts.size() ? 0 : next + 1;
        return text;
    }
}
