package io.wirewatch.launcher;

/** Whether to colour output: only on an interactive terminal, and never when NO_COLOR is set (no-color.org). */
final class Terminal {

    static final boolean COLOUR =
            System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));

    private Terminal() {}

    static String paint(String ansiCode, String text) {
        return COLOUR ? "\u001b[" + ansiCode + "m" + text + "\u001b[0m" : text;
    }
}
