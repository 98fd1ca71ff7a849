package io.wirewatch.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reading a service's settings: the environment, over an optional properties file, and typed values from it that
 * fail with a message naming the variable. The one place the services (and their HTTP options) parse settings.
 *
 * <p>A file named by {@value #CONFIG_FILE} holds the same names as the environment ({@code ENRICH_NUM_STREAM_THREADS=2},
 * {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}); a variable set in the environment wins over the file, so a container can
 * mount one file and still override a value per instance.
 */
public final class Env {

    /** Names a properties file of settings under the environment. */
    public static final String CONFIG_FILE = "WIREWATCH_CONFIG_FILE";

    private Env() {}

    /** The process environment over the file {@value #CONFIG_FILE} names, if it names one. */
    public static Map<String, String> load() {
        return withConfigFile(System.getenv());
    }

    /**
     * {@code env} over the properties file its {@value #CONFIG_FILE} names; {@code env} itself when it names none.
     *
     * @throws IllegalArgumentException when the file cannot be read, naming it
     */
    public static Map<String, String> withConfigFile(Map<String, String> env) {
        String file = text(env, CONFIG_FILE, null);
        if (file == null) {
            return env;
        }
        Map<String, String> merged = new HashMap<>(readPropertiesFile(Path.of(file)));
        merged.putAll(env);
        return merged;
    }

    /** Loads a properties file into a map of names to values. */
    public static Map<String, String> readPropertiesFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    CONFIG_FILE + ": cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /** The variable's value, stripped, or {@code fallback} when it is unset or blank. */
    public static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The variable as an {@code int}, or {@code fallback} when it is unset or blank. */
    public static int intValue(Map<String, String> env, String name, int fallback) {
        return parsed(env, name, fallback, Integer::valueOf, "a whole number");
    }

    /** The variable as a {@code long}, or {@code fallback} when it is unset or blank. */
    public static long longValue(Map<String, String> env, String name, long fallback) {
        return parsed(env, name, fallback, Long::valueOf, "a whole number");
    }

    /** The variable as a {@code double}, or {@code fallback} when it is unset or blank. */
    public static double doubleValue(Map<String, String> env, String name, double fallback) {
        return parsed(env, name, fallback, Double::valueOf, "a number");
    }

    private static <T> T parsed(
            Map<String, String> env, String name, T fallback, Function<String, T> parse, String expected) {
        String value = text(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + expected + ", was '" + env.get(name) + "'", e);
        }
    }
}
