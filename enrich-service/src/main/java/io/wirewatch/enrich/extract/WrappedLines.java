package io.wirewatch.enrich.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the line breaks of hard-wrapped copy: wire stories kept as plain text cut their paragraphs at a fixed width
 * ("The Organisation of Islamic\nCooperation suspended Syria's membership"), and a break there is a space, not the
 * end of a headline or a paragraph. Elsewhere on the web a line break ends something (a headline, a caption, a menu
 * item), so a break counts as a wrap only inside a paragraph that looks wrapped as a whole: three lines or more, none
 * longer than a wrapping width, and at least a third of its lines going on in lower case where a sentence cannot
 * start. Within such a paragraph the first line (a headline or a byline sits there), a short line and a line ending a
 * sentence keep their break.
 */
final class WrappedLines {

    /** Wire copy wraps at 60 to 80 characters; a web paragraph on one line is longer. */
    static final int MAX_WRAP_WIDTH = 100;

    /** A line this short ended on purpose ("By Asma Alsharif"), it was not cut by the width. */
    static final int MIN_WRAPPED_LINE = 30;

    private WrappedLines() {}

    /** The offsets of {@code text}'s line breaks ({@code \n}, and the {@code \r} of a {@code \r\n}) that are wraps. */
    static BitSet softBreaks(String text) {
        BitSet soft = new BitSet();
        if (text.indexOf('\n') < 0) {
            return soft;
        }
        // {first, last} non-blank character of each line of the paragraph: no line is copied, this runs on every
        // article
        List<int[]> paragraph = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int first = start;
            while (first < end && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            int last = end - 1;
            while (last >= first && Character.isWhitespace(text.charAt(last))) {
                last--;
            }
            if (first > last) {
                markParagraph(text, paragraph, soft);
                paragraph.clear();
            } else {
                paragraph.add(new int[] {first, last});
            }
            start = end + 1;
        }
        markParagraph(text, paragraph, soft);
        return soft;
    }

    private static void markParagraph(String text, List<int[]> lines, BitSet soft) {
        if (lines.size() < 3) {
            return;
        }
        int goingOnInLowerCase = 0;
        for (int l = 0; l < lines.size(); l++) {
            int[] line = lines.get(l);
            if (l < lines.size() - 1 && line[1] - line[0] + 1 > MAX_WRAP_WIDTH) {
                return;
            }
            if (l > 0 && Character.isLowerCase(text.charAt(line[0]))) {
                goingOnInLowerCase++;
            }
        }
        if (goingOnInLowerCase * 3 < lines.size() - 1) {
            return;
        }
        for (int l = 0; l < lines.size() - 1; l++) {
            int[] line = lines.get(l);
            int[] next = lines.get(l + 1);
            boolean wrapped = Character.isLowerCase(text.charAt(next[0]))
                    || l > 0 && line[1] - line[0] + 1 >= MIN_WRAPPED_LINE && !endsSentence(text.charAt(line[1]));
            if (wrapped) {
                for (int k = line[1] + 1; k < next[0]; k++) {
                    soft.set(k);
                }
            }
        }
    }

    private static boolean endsSentence(char last) {
        return ".!?:;\"\u201D')]|".indexOf(last) >= 0;
    }
}
