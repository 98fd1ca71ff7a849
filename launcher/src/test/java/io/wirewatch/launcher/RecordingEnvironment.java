package io.wirewatch.launcher;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An environment (variable name to value) that remembers every variable a config class asked for by name. */
final class RecordingEnvironment extends AbstractMap<String, String> {

    private final Map<String, String> values;
    private final Set<String> asked = new TreeSet<>();

    RecordingEnvironment(Map<String, String> values) {
        this.values = values;
    }

    Set<String> asked() {
        return asked;
    }

    @Override
    public String get(Object key) {
        asked.add(String.valueOf(key));
        return values.get(key);
    }

    @Override
    public String getOrDefault(Object key, String fallback) {
        asked.add(String.valueOf(key));
        return values.getOrDefault(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
        asked.add(String.valueOf(key));
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return values.entrySet();
    }
}
