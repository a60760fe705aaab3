package com.callaudit.app;

import java.util.List;

/**
 * What the command line asked the app for.
 *
 * @param demo sign in to the built-in demo space at once ({@code --demo})
 * @param syntheticRecordings recordings the demo space adds to its real ones
 *     ({@code --recordings N})
 * @param longRecordings whether the demo space adds two 60-minute recordings
 *     ({@code --long-recordings})
 */
public record LaunchOptions(boolean demo, int syntheticRecordings, boolean longRecordings) {

    /** Reads the options; unknown words are ignored, a bad number is an error. */
    public static LaunchOptions parse(List<String> args) {
        boolean demo = args.contains("--demo");
        boolean longRecordings = args.contains("--long-recordings");
        int synthetic = 0;
        int at = args.indexOf("--recordings");
        if (at >= 0) {
            if (at + 1 >= args.size()) {
                throw new IllegalArgumentException("--recordings needs a number.");
            }
            try {
                synthetic = Integer.parseInt(args.get(at + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--recordings needs a whole number, not \""
                        + args.get(at + 1) + "\".");
            }
            if (synthetic < 0) {
                throw new IllegalArgumentException("--recordings cannot be negative.");
            }
        }
        return new LaunchOptions(demo, synthetic, longRecordings);
    }
}
