package io.wirewatch.enrich.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Test fixtures: the three seed articles as ingest normalises them ({@code gold/texts/}, produced by ingest's
 * TextNormaliser from {@code seeds/}) and their hand-written gold annotations ({@code gold/*.json}).
 */
final class Seeds {

    static final List<String> NAMES = List.of("000_3f73a5d78b56022d", "001_0214231277631587", "002_7716cf6ab2c65437");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record Gold(
            String article,
            String outlet,
            Instant publishedAt,
            List<GoldEntity> entities,
            List<GoldAction> diplomaticActions,
            List<GoldCasualty> casualtyFigures,
            List<GoldClaim> claims) {}

    record GoldEntity(String name, String type) {}

    record GoldAction(String action, String actor, String target, String modality, String date) {}

    record GoldCasualty(int count, String kind, String bound, String place, String period, String source) {}

    record GoldClaim(String speaker, boolean direct) {}

    record Seed(String name, String text, Gold gold) {}

    private Seeds() {}

    static Seed load(String name) {
        return new Seed(name, resource("/gold/texts/" + name + ".txt"), gold(name));
    }

    static List<Seed> all() {
        return NAMES.stream().map(Seeds::load).toList();
    }

    private static Gold gold(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/gold/" + name + ".json")) {
            return JSON.readValue(in, Gold.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Seeds.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
