package com.callaudit.demo;

import java.util.function.Supplier;

/**
 * The WAV and MP3 of a recording, each produced on first use; either may be missing.
 * Suppliers must be thread-safe and cache what they build.
 */
record RecordingMedia(Supplier<MediaBody> wav, Supplier<MediaBody> mp3) {
}
